import SeleksiCore
import SeleksiStore

/// Roles a workflow gives (`<grant>`): the members a decree names get the role in the instance's
/// organisation, until the instance ends or a date. Checked before the transition writes anything;
/// each grant is then its own audited directory row, as if given by the actor who fired the event.
extension Engine {
    /// What will be written, every order checked: the actor exists, the role is declared, the
    /// organisation exists, the end is in the future. An actor who already holds the role there keeps it.
    func prepareGrants(_ orders: [GrantOrder], for record: InstanceRecord, now: Timestamp) throws -> [Grant] {
        guard !orders.isEmpty else { return [] }
        let declared = try declaredRoles()
        var out: [Grant] = []
        for order in orders {
            func refuse(_ id: String, _ en: String) -> CommandRefused {
                CommandRefused(.notPermitted, id, en, instance: record.id, from: record.state)
            }
            guard try actorExists(order.actor) else {
                throw refuse(
                    "pemberian peran \(order.role): '\(TerminalText.safe(order.actor))' bukan pelaku terdaftar; "
                        + "daftarkan dulu dengan `seleksi actor add`",
                    "grant of \(order.role): '\(TerminalText.safe(order.actor))' is not a registered actor; "
                        + "add it first with `seleksi actor add`")
            }
            guard declared.contains(order.role) else {
                throw refuse(
                    "pemberian peran: peran '\(order.role)' tidak dinyatakan alur mana pun",
                    "grant: no workflow declares role '\(order.role)'")
            }
            let org = order.org ?? record.org
            guard try store.organisation(org) != nil else { throw try unknownOrganisation(org) }
            if let existing = try store.grants(actor: order.actor).first(where: {
                $0.role == order.role && $0.org == org
            }),
                try isActive(existing, at: now)
            {
                continue
            }
            let until = order.untilDate.map { Timestamp(startOf: $0.adding(days: 1)) }
            if let until, until.seconds <= now.seconds {
                throw refuse(
                    "pemberian peran \(order.role): tanggal berakhir \(order.untilDate!.iso) sudah lewat",
                    "grant of \(order.role): its end \(order.untilDate!.iso) is already past")
            }
            out.append(
                Grant(
                    actor: order.actor, role: order.role, org: org, grantedAt: now.seconds, untilAt: until?.seconds,
                    untilInstance: order.untilInstanceEnd ? record.id : nil))
        }
        return out
    }

    /// Writes each grant as an audited directory change, after the transition that decided it.
    func writeGrants(
        _ grants: [Grant], by request: FireRequest, event: String, instance: InstanceRecord, now: Timestamp
    ) throws {
        guard !grants.isEmpty else { return }
        for g in grants {
            var write = CommandWrite(
                audit: AuditRecord(
                    at: now.seconds, actor: request.actor, osUser: osUser, command: "grant", event: event,
                    outcome: "accepted",
                    reason: "\(event) #\(instance.id)" + (g.untilInstance != nil ? ", sampai instans berakhir" : "")))
            write.directory = .grant(g)
            try store.commit(write)
        }
        directory = DirectoryCache()
    }
}
