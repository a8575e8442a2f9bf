/// An instance as a list shows it: who, where and in which state, without the variables, whose JSON
/// was most of the cost of listing a thousand applicants.
public struct InstanceListing: Sendable, Equatable {
    public let id: Int64
    public let workflowID: String
    public let state: String
    public let org: String
    public let owner: String
    /// The owner's name in the directory (nil when the actor is not there), read in the same query so
    /// that a listing of a thousand instances is one query, not a thousand and one.
    public let ownerName: String?
    public let parent: Int64?
    public let updatedAt: Int64

    public init(
        id: Int64, workflowID: String, state: String, org: String, owner: String, ownerName: String? = nil,
        parent: Int64?, updatedAt: Int64
    ) {
        self.id = id
        self.workflowID = workflowID
        self.state = state
        self.org = org
        self.owner = owner
        self.ownerName = ownerName
        self.parent = parent
        self.updatedAt = updatedAt
    }
}
