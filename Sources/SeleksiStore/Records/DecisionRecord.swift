import SeleksiCore

/// A named decision recorded by a transition (`kelayakan`, `hasil` …), with the command's reason.
public struct DecisionRecord: Sendable {
    public let instance: Int64
    public let name: String
    public let value: Value
    public let reason: String?
    public let actor: String
    public let at: Int64

    public init(instance: Int64, name: String, value: Value, reason: String?, actor: String, at: Int64) {
        self.instance = instance
        self.name = name
        self.value = value
        self.reason = reason
        self.actor = actor
        self.at = at
    }
}
