import GRDB

/// The schema of the history database, one versioned step at a time. A step, once released, never
/// changes: a new need is a new step appended here.
enum HistoryMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: items, prices, statuses, snapshots, URLs") { db in
            try db.execute(sql: """
                CREATE TABLE item (
                    kind TEXT NOT NULL, id TEXT NOT NULL, first_slug TEXT NOT NULL, slug TEXT NOT NULL,
                    first_seen DOUBLE NOT NULL, last_seen DOUBLE NOT NULL, gone_since DOUBLE,
                    status TEXT NOT NULL, price TEXT, previous_price TEXT,
                    PRIMARY KEY (kind, id));
                CREATE TABLE price_change (
                    kind TEXT NOT NULL, id TEXT NOT NULL, at DOUBLE NOT NULL, price TEXT,
                    FOREIGN KEY (kind, id) REFERENCES item (kind, id) ON DELETE CASCADE);
                CREATE INDEX price_change_item ON price_change (kind, id, at);
                CREATE TABLE status_change (
                    kind TEXT NOT NULL, id TEXT NOT NULL, at DOUBLE NOT NULL, status TEXT NOT NULL,
                    FOREIGN KEY (kind, id) REFERENCES item (kind, id) ON DELETE CASCADE);
                CREATE INDEX status_change_item ON status_change (kind, id, at);
                CREATE TABLE item_snapshot (
                    kind TEXT NOT NULL, id TEXT NOT NULL, language TEXT NOT NULL, digest INTEGER NOT NULL, json BLOB NOT NULL,
                    PRIMARY KEY (kind, id, language),
                    FOREIGN KEY (kind, id) REFERENCES item (kind, id) ON DELETE CASCADE);
                CREATE TABLE published_url (
                    path TEXT PRIMARY KEY NOT NULL, kind TEXT, id TEXT, language TEXT NOT NULL,
                    first_published DOUBLE NOT NULL, last_published DOUBLE NOT NULL);
                CREATE INDEX published_url_item ON published_url (kind, id);
                CREATE TABLE build (at DOUBLE NOT NULL, items INTEGER NOT NULL, pages INTEGER NOT NULL);
                """)
        }
        return migrator
    }
}
