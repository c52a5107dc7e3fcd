import Foundation
import GRDB

/// Writes one build's observation into an open transaction: new items, changes of price and
/// status, items gone from their catalogue, snapshots whose contents changed, published URLs.
struct HistoryRecorder {
    let db: Database
    let now: Double

    func record(_ observation: BuildObservation) throws {
        try db.execute(sql: "INSERT INTO build (at, items, pages) VALUES (?, ?, ?)",
                       arguments: [now, observation.items.count, observation.pages.count])
        var known: [HistoryItemKey: (status: String, price: String?, gone: Bool)] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT kind, id, status, price, gone_since FROM item")
        while let row = try rows.next() {
            known[HistoryItemKey(kind: row[0], id: row[1])] = (row[2], row[3], (row[4] as Double?) != nil)
        }
        var digests: [String: Int64] = [:]
        let stored = try Row.fetchCursor(db, sql: "SELECT kind, id, language, digest FROM item_snapshot")
        while let row = try stored.next() { digests[Self.snapshotKey(row[0], row[1], row[2])] = row[3] }

        var seen: Set<HistoryItemKey> = []
        for item in observation.items where seen.insert(item.key).inserted {
            let args: StatementArguments = [item.key.kind, item.key.id]
            if let before = known[item.key] {
                try db.execute(sql: "UPDATE item SET last_seen = ?, gone_since = NULL, slug = ?, status = ? WHERE kind = ? AND id = ?",
                               arguments: [now, item.slug, item.status] + args)
                if before.status != item.status || before.gone { try status(item.key, item.status) }
                if before.price != item.price {
                    try db.execute(sql: "UPDATE item SET price = ?, previous_price = ? WHERE kind = ? AND id = ?",
                                   arguments: [item.price, before.price] + args)
                    try price(item.key, item.price)
                }
            } else {
                try db.execute(sql: """
                    INSERT INTO item (kind, id, first_slug, slug, first_seen, last_seen, status, price) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: args + [item.slug, item.slug, now, now, item.status, item.price])
                try status(item.key, item.status)
                try price(item.key, item.price)
            }
            for (language, json) in item.snapshots {
                let digest = Self.digest(json)
                guard digests[Self.snapshotKey(item.key.kind, item.key.id, language)] != digest else { continue }
                try db.execute(sql: "INSERT OR REPLACE INTO item_snapshot (kind, id, language, digest, json) VALUES (?, ?, ?, ?, ?)",
                               arguments: args + [language, digest, json])
            }
        }
        for (key, before) in known where !before.gone && !seen.contains(key) && observation.kinds.contains(key.kind) {
            try db.execute(sql: "UPDATE item SET gone_since = ?, status = 'gone' WHERE kind = ? AND id = ?",
                           arguments: [now, key.kind, key.id])
            try status(key, "gone")
        }
        let upsert = try db.makeStatement(sql: """
            INSERT INTO published_url (path, kind, id, language, first_published, last_published) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (path) DO UPDATE SET kind = excluded.kind, id = excluded.id, language = excluded.language,
                last_published = excluded.last_published
            """)
        for page in observation.pages {
            try upsert.execute(arguments: [page.path, page.item?.kind, page.item?.id, page.language, now, now])
        }
    }

    private func status(_ key: HistoryItemKey, _ status: String) throws {
        try db.execute(sql: "INSERT INTO status_change (kind, id, at, status) VALUES (?, ?, ?, ?)",
                       arguments: [key.kind, key.id, now, status])
    }

    private func price(_ key: HistoryItemKey, _ price: String?) throws {
        try db.execute(sql: "INSERT INTO price_change (kind, id, at, price) VALUES (?, ?, ?, ?)",
                       arguments: [key.kind, key.id, now, price])
    }

    private static func snapshotKey(_ kind: String, _ id: String, _ language: String) -> String { "\(kind)\u{1F}\(id)\u{1F}\(language)" }

    /// FNV-1a of the snapshot's bytes: a snapshot is rewritten only when it changed.
    static func digest(_ data: Data) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int64(bitPattern: hash)
    }
}
