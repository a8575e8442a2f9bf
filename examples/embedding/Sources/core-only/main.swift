// A program that depends on SeleksiCore alone: no XML, no database, no Foundation. It evaluates the
// expression language and runs a two-state workflow through the pure transition function.
import SeleksiCore

let today = CivilDate(iso: "2024-04-01")!

// 1. Expressions: a rule over a list, a rounded amount (libm's floor behind it), a working-day deadline.
let members: Value = .list([
    .record(["nama": .string("Ani"), "jenis_kelamin": .string("P")]),
    .record(["nama": .string("Budi"), "jenis_kelamin": .string("L")]),
    .record(["nama": .string("Cici"), "jenis_kelamin": .string("P")]),
])
let calendar = WorkingCalendar(
    table: "libur",
    rows: [
        ["tanggal": "2024-04-10", "nama": "Idul Fitri"], ["tanggal": "2024-04-11", "nama": "Idul Fitri"],
        ["tanggal": "2024-12-25", "nama": "Natal"],
    ])
let context = EvaluationContext(
    scopes: [["anggota": members, "honor": .number(3_625_930.5)]], today: today,
    reference: ReferenceTables([:], calendar: calendar))
for source in [
    "count(anggota, item.jenis_kelamin = 'P') * 3 >= count(anggota) * 2", "round(honor * 43, -1)",
    "add-working-days('2024-04-08', 3)",
] {
    let value = try Evaluator.evaluate(try Expression(source), in: context)
    print("\(source) = \(value.displayText)")
}

// 2. A workflow built in code, and one command through the transition function.
let workflow = WorkflowDefinition(
    id: "persetujuan", version: "1", title: LocalizedText(id: "Persetujuan"), file: "(kode)",
    roles: [RoleDefinition(id: "kepala", label: LocalizedText(id: "Kepala"), scope: .organisation, line: 0)],
    variables: [VariableDefinition(id: "jumlah", initial: try Expression("0"), line: 0)],
    states: [
        StateDefinition(
            id: "diajukan", label: LocalizedText(id: "Diajukan"), isInitial: true, isFinal: false, timers: [], line: 0),
        StateDefinition(
            id: "disetujui", label: LocalizedText(id: "Disetujui"), isInitial: false, isFinal: true, timers: [], line: 0
        ),
    ],
    transitions: [
        TransitionDefinition(
            event: "setujui", label: LocalizedText(id: "Setujui"), from: ["diajukan"], to: "disetujui",
            roles: ["kepala"],
            requiredForms: [],
            guards: [
                Guard(test: try Expression("vars.jumlah <= 100"), message: LocalizedText(id: "Terlalu besar"), line: 0)
            ],
            effects: [.set(variable: "jumlah", value: try Expression("vars.jumlah + 1"), line: 0)], quorum: nil,
            reasonRequired: false,
            line: 0)
    ],
    startRoles: ["kepala"])
let instance = InstanceSnapshot(
    id: 1, state: "diajukan", variables: try TransitionFunction(workflow).initialVariables(today: today),
    forms: [:])
let command = Command(
    event: "setujui", actor: "kepala1", actorRoles: ["kepala"], now: Timestamp(iso: "2024-04-01T09:00")!)
switch TransitionFunction(workflow).apply(command, to: instance) {
case .accepted(let a): print("setujui: \(a.from) → \(a.to), jumlah = \(a.variables["jumlah"]!.displayText)")
case .pending: print("setujui: pending")
case .refused(let r): print("setujui: refused: \(r.message.id)")
}
