import Testing
import SeleksiStore
@testable import SeleksiEngine

@Suite("The submission cache stays bounded and forgets gradually")
struct BoundedCacheTests {
    @Test func passingTheCostBoundForgetsTheOlderHalfNotEverything() {
        var cache = BoundedCache<Int, String>(limit: 1_000, costLimit: 100)
        for k in 0..<10 { cache.set(k, "v\(k)", cost: 10) }   // exactly at the bound: all kept
        #expect(cache.count == 10)
        #expect(cache.get(0) == "v0")                        // used again: now among the newest
        cache.set(10, "v10", cost: 10)                         // 110 > 100: the older half goes
        #expect(cache.cost <= 100)
        #expect(cache.count >= 5)
        #expect(cache.get(0) == "v0")
        #expect(cache.get(10) == "v10")
        #expect(cache.get(1) == nil)
    }

    @Test func theCountBoundHoldsAsWell() {
        var cache = BoundedCache<Int, Int>(limit: 8)
        for k in 0..<100 { cache.set(k, k) }
        #expect(cache.count <= 8)
        #expect(cache.get(99) == 99)
    }

    @Test func whatIsUsedBetweenTwoTurnsOfTheRecentHalfIsNeverForgotten() {
        // 20 entries used over and over, with 20 used once between their uses: together fewer than half of
        // the bound, so each is used again before the generation holding it is dropped.
        var cache = BoundedCache<Int, Int>(limit: 100)
        var oneOff = 1_000
        for k in 0..<20 { cache.set(k, k) }
        for _ in 0..<50 {
            for k in 0..<20 {
                #expect(cache.get(k) == k)
                cache.set(oneOff, oneOff)
                oneOff += 1
            }
        }
        #expect(cache.count <= 100)
        #expect(cache.get(1_000) == nil)
    }

    @Test func eitherBoundHoldsAndAHitIsTheValueLastSet() {
        var cache = BoundedCache<Int, Int>(limit: 64, costLimit: 1_000)
        var truth: [Int: Int] = [:]
        var rng = SystemRandomNumberGenerator()
        for step in 0..<20_000 {
            let key = Int.random(in: 0..<200, using: &rng)
            if Bool.random(using: &rng) {
                cache.set(key, step, cost: Int.random(in: 1...100, using: &rng))
                truth[key] = step
            } else if let hit = cache.get(key) {
                #expect(hit == truth[key])
            }
            #expect(cache.count <= 64)
            #expect(cache.cost <= 1_000)
        }
    }

    @Test func replacingAnEntryCountsItsCostOnce() {
        var cache = BoundedCache<String, Int>(limit: 10, costLimit: 1_000)
        cache.set("a", 1, cost: 300)
        cache.set("a", 2, cost: 400)
        #expect(cache.cost == 400)
        cache.removeAll()
        #expect(cache.cost == 0 && cache.count == 0)
    }

    @Test func anEntryReplacedInPlaceStillKeepsTheBounds() {
        // Replaced where it is while that passes no bound; moved through the generations otherwise.
        var cache = BoundedCache<Int, Int>(limit: 100, costLimit: 100)
        for k in 0..<4 { cache.set(k, k, cost: 10) }
        cache.set(2, 20, cost: 15)
        #expect(cache.count == 4 && cache.cost == 45 && cache.get(2) == 20)
        cache.set(2, 21, cost: 60)                          // the recent half would hold 95 > 50
        #expect(cache.cost <= 100 && cache.get(2) == 21)
        #expect(cache.count <= 4)
    }
}

@Suite("The directory cache keeps the actors used last, not everyone read in a season")
struct DirectoryCacheTests {
    @Test func evictedActorsAndGrantsAreReadAgainUnchanged() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        let now = at("2026-01-05T09:00")
        try engine.addOrganisation(id: "skb-uji", name: "SKB Uji (fiktif)", kind: "skb", parent: nil, now: now)
        let ids = (0..<7).map { "pelaku-\($0)" }
        for id in ids {
            try engine.addActor(id: id, name: "Nama \(id) (fiktif)", nip: nil, now: now)
            try engine.grant(actor: id, role: "pelamar", org: "skb-uji", now: now)
        }
        engine.directory = DirectoryCache(recentActors: 3)
        for _ in 0..<2 {
            for id in ids {
                #expect(try engine.directoryActor(id)?.name == "Nama \(id) (fiktif)")
                #expect(try engine.grants(of: id).map(\.role) == ["pelamar"])
            }
            #expect(engine.directory.actors.count <= 3 && engine.directory.grants.count <= 3)
        }
        #expect(try engine.directoryActor("tidak-ada") == nil)
    }
}
