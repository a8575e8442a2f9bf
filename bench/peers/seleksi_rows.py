"""Seleksi's row bytes, in Python: the injective encoding, the instance after-image, the audit hash and
the exact SQL statements, so that a peer writes the same rows as Seleksi and the same SHA-256 chain.

Mirrors Sources/SeleksiStore: Encoding/RowEncoder.swift (a domain string, then per field a tag byte —
0 null, 1 int64 big-endian, 2 UTF-8 text with a 4-byte big-endian length, 3 blob likewise),
Records/InstanceRecord.swift (afterImage) and Audit/AuditRecord.swift (signedEncoding + signature).
If those change, the harness's table comparison fails loudly until this file follows.
"""
import hashlib
import json
import struct

SELECT_INSTANCE = (
    "SELECT id, workflow_id, workflow_hash, form_hashes, org, owner, parent, state, state_seq, entered_at, vars, "
    "created_at, updated_at FROM instances WHERE id = ?")
# The state changes on every lifecycle step, so Seleksi's five-column form of the update.
UPDATE_MOVED = "UPDATE instances SET state = ?, state_seq = ?, entered_at = ?, vars = ?, updated_at = ? WHERE id = ?"
INSERT_AUDIT = (
    "INSERT INTO audit_log (seq, at, actor, os_user, role, instance, subject, command, event, from_state, to_state, "
    "outcome, reason, data_hash, after_hash, signature, prev_hash, hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
# Read once per batch, as Seleksi reads it when its batch transaction begins.
AUDIT_HEAD = "SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1"
# Before a process first changes an instance, Seleksi compares its row with the after-image the log last
# recorded (SQLiteStore+RowsMatchLog.swift), and reads PRAGMA data_version when each batch begins.
ROW_AS_STORED = (
    "SELECT workflow_id, workflow_hash, form_hashes, org, owner, parent, state, state_seq, entered_at, vars, created_at, "
    "updated_at\nFROM instances WHERE id = ?")
LAST_IMAGE = (
    "SELECT seq, after_hash FROM audit_log\n"
    "WHERE instance = ? AND subject IS NULL AND after_hash IS NOT NULL ORDER BY seq DESC LIMIT 1")
DATA_VERSION = "PRAGMA data_version"

_pack_int = struct.Struct(">q").pack
_pack_len = struct.Struct(">I").pack


class RowEncoder:
    """A domain, then tagged fields; `digest()` is SHA-256 of the bytes."""

    __slots__ = ("parts",)

    def __init__(self, domain):
        self.parts = []
        self.text(domain)

    def null(self):
        self.parts.append(b"\x00")

    def int(self, value):
        if value is None:
            self.parts.append(b"\x00")
        else:
            self.parts.append(b"\x01" + _pack_int(value))

    def text(self, value):
        if value is None:
            self.parts.append(b"\x00")
        else:
            raw = value.encode("utf-8")
            self.parts.append(b"\x02" + _pack_len(len(raw)) + raw)

    def blob(self, value):
        if value is None:
            self.parts.append(b"\x00")
        else:
            self.parts.append(b"\x03" + _pack_len(len(value)) + value)

    def digest(self):
        return hashlib.sha256(b"".join(self.parts)).digest()


def after_image(row):
    """SHA-256 of an instance row as stored: the 13 columns in SELECT_INSTANCE's order."""
    (id_, workflow_id, workflow_hash, form_hashes, org, owner, parent, state, state_seq, entered_at, vars_,
     created_at, updated_at) = row
    e = RowEncoder("instance/1")
    e.int(id_)
    e.text(workflow_id)
    e.text(workflow_hash)
    e.text(form_hashes)
    e.text(org)
    e.text(owner)
    e.int(parent)
    e.text(state)
    e.int(state_seq)
    e.int(entered_at)
    e.text(vars_)
    e.int(created_at)
    e.int(updated_at)
    return e.digest()


def audit_hash(seq, at, actor, os_user, role, instance, subject, command, event, from_state, to_state, outcome,
               reason, data_hash, after_hash, prev_hash, signature=None):
    """The audit row's own hash: every field but itself, then the signature."""
    e = RowEncoder("audit/1")
    e.int(seq)
    e.int(at)
    e.text(actor)
    e.text(os_user)
    e.text(role)
    e.int(instance)
    e.text(subject)
    e.text(command)
    e.text(event)
    e.text(from_state)
    e.text(to_state)
    e.text(outcome)
    e.text(reason)
    e.blob(data_hash)
    e.blob(after_hash)
    e.blob(prev_hash)
    e.blob(signature)
    return e.digest()


def canonical_json(value):
    """Seleksi's canonical JSON for the variables: sorted keys, no spaces, integers as integers.
    (Enough for the bench workflow's one integer variable; Seleksi also writes non-integral numbers
    in their shortest form, which this does not try to match.)"""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
