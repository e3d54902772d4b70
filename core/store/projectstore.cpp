// SPDX-License-Identifier: Apache-2.0
// The project store: SQLite through Qt SQL (QSQLITE). Schema and rules: docs/project-format.md, "Project store".
#include "core/store/projectstore.h"

#include "core/io/journal_p.h"   // detail::syncDir
#include "core/io/jsonutil_p.h"   // detail::dirOf
#include "core/io/projectfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QUuid>
#include <QVariant>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <thread>
#include <vector>

namespace paddock::store {

namespace {

constexpr const char kFormatName[] = "paddock-store";
constexpr int kApplicationId = 0x50444B44; // "PDKD": `PRAGMA application_id`, tells the file apart from other SQLite files

std::string tr(const char *text)
{
    return QCoreApplication::translate("Store", text).toStdString();
}

std::string sqlError(const QSqlError &e)
{
    const QString text = e.text().trimmed();
    return text.isEmpty() ? tr("unknown database error") : text.toStdString();
}

/** Runs \a f(i) for i in [0, n) on the available cores (work items are clips: independent). */
template <class F>
void parallelFor(int n, F &&f)
{
    const int workers = std::clamp(int(std::thread::hardware_concurrency()), 1, 16);
    if (n < 64 || workers == 1) {
        for (int i = 0; i < n; ++i)
            f(i);
        return;
    }
    std::atomic<int> next{0};
    auto run = [&] {
        for (int i = next++; i < n; i = next++)
            f(i);
    };
    std::vector<std::thread> threads;
    for (int t = 1; t < std::min(workers, n); ++t)
        threads.emplace_back(run);
    run();
    for (std::thread &t : threads)
        t.join();
}

using core::detail::dirOf;
using core::detail::syncDir;

/** One clip row as written: the clip in the project file's clip form, plus summary columns. */
struct Row
{
    std::string json;
    int instances = 0;
};

Row rowOf(const core::Clip &clip, const std::string &projectDir)
{
    Row r;
    r.json = core::clipToJsonText(clip, projectDir);
    for (const auto &[frame, list] : clip.frames)
        r.instances += int(list.size());
    return r;
}

/** An SQLite connection of its own (Qt SQL connections are named; each store gets a fresh name). */
class Connection
{
public:
    Connection()
    {
        static std::atomic<int> counter{0};
        mName = QStringLiteral("paddock-store-%1").arg(counter++);
    }
    ~Connection() { close(); }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool open(const std::string &path, std::string *error)
    {
        close();
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
            *error = tr("the SQLite driver of Qt SQL (QSQLITE) is not installed");
            return false;
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), mName);
            db.setDatabaseName(QString::fromStdString(path));
            if (!db.open()) {
                *error = path + ": " + sqlError(db.lastError());
                QSqlDatabase::removeDatabase(mName);
                return false;
            }
        }
        mOpen = true;
        // Rollback journal with a full sync at commit: a kill or power cut at any moment leaves the last committed
        // state (docs/project-format.md explains why not WAL).
        return exec("PRAGMA journal_mode=DELETE", path, error) && exec("PRAGMA synchronous=FULL", path, error);
    }

    void close()
    {
        if (!mOpen)
            return;
        {
            QSqlDatabase db = QSqlDatabase::database(mName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(mName);
        mOpen = false;
    }

    bool isOpen() const { return mOpen; }
    QSqlDatabase db() const { return QSqlDatabase::database(mName, false); }

    bool exec(const char *sql, const std::string &where, std::string *error)
    {
        QSqlQuery q(db());
        if (!q.exec(QString::fromLatin1(sql))) {
            *error = where + ": " + sqlError(q.lastError());
            return false;
        }
        return true;
    }

private:
    QString mName;
    bool mOpen = false;
};

bool readMeta(QSqlDatabase db, const std::string &where, std::map<std::string, std::string> *meta, std::string *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT key, value FROM meta"))) {
        *error = where + ": " + tr("not a Paddock project store") + " (" + sqlError(q.lastError()) + ")";
        return false;
    }
    while (q.next())
        (*meta)[q.value(0).toString().toStdString()] = q.value(1).toString().toStdString();
    if ((*meta)["format"] != kFormatName) {
        *error = where + ": " + tr("not a Paddock project store (no format \"paddock-store\")");
        return false;
    }
    bool ok = false;
    const int version = QString::fromStdString((*meta)["version"]).toInt(&ok);
    if (!ok || version < 1) {
        *error = where + ": " + tr("missing or invalid store version");
        return false;
    }
    if (version > kStoreFormatVersion) {
        *error = where + ": " + tr("written by a newer version of Paddock (store version") + " " + std::to_string(version)
            + "; " + tr("this version reads up to") + " " + std::to_string(kStoreFormatVersion) + "). "
            + tr("Update Paddock to open it.");
        return false;
    }
    bool generationOk = false;
    QString::fromStdString((*meta)["generation"]).toLongLong(&generationOk);
    if (!generationOk || (*meta)["storeId"].empty()) {
        *error = where + ": " + tr("the store has no id or generation");
        return false;
    }
    return true;
}

bool setMeta(QSqlDatabase db, const char *key, const QString &value, const std::string &where, std::string *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)"));
    q.addBindValue(QString::fromLatin1(key));
    q.addBindValue(value);
    if (!q.exec()) {
        *error = where + ": " + sqlError(q.lastError());
        return false;
    }
    return true;
}

/**
 * Writes the clip rows at \a positions of \a project (clip JSON made in parallel, clip paths relative to \a dir)
 * inside the caller's transaction.
 */
bool writeRows(QSqlDatabase db, const core::Project &project, const std::vector<int> &positions, const std::string &dir,
               const std::string &where, StoreSaveStats *stats, std::string *error)
{
    std::vector<Row> rows(positions.size());
    parallelFor(int(positions.size()), [&](int i) {
        rows[std::size_t(i)] = rowOf(project.clips[std::size_t(positions[std::size_t(i)])], dir);
    });
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO clips(pos, name, video_id, frame_count, instances, review_state, "
                             "data) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (std::size_t i = 0; i < positions.size(); ++i) {
        const core::Clip &c = project.clips[std::size_t(positions[i])];
        q.bindValue(0, positions[i]);
        q.bindValue(1, QString::fromStdString(c.name));
        q.bindValue(2, c.videoId);
        q.bindValue(3, c.frameCount);
        q.bindValue(4, rows[i].instances);
        q.bindValue(5, int(c.review.state()));
        q.bindValue(6, QByteArray::fromStdString(rows[i].json)); // UTF-8 bytes as they are: no UTF-16 round trip
        if (!q.exec()) {
            *error = where + ": " + sqlError(q.lastError());
            return false;
        }
        stats->bytesWritten += std::int64_t(rows[i].json.size());
        ++stats->clipsWritten;
    }
    return true;
}

} // namespace

// ---- Files -----------------------------------------------------------------------------------------------------

bool isStoreFile(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(16);
    return head == QByteArray("SQLite format 3\0", 16);
}

bool hasStoreSuffix(const std::string &path)
{
    return QString::fromStdString(path).endsWith(QLatin1String(kStoreSuffix), Qt::CaseInsensitive);
}

// ---- ProjectStore -------------------------------------------------------------------------------------------------

struct ProjectStore::Private
{
    Connection conn;
    std::string path;
    std::string storeId;
    std::int64_t generation = -1;
    int rowCount = 0;
    StoreSaveStats last;
};

ProjectStore::ProjectStore()
    : d(std::make_unique<Private>())
{
}

ProjectStore::~ProjectStore() = default;

bool ProjectStore::isOpen() const
{
    return d->conn.isOpen();
}

std::string ProjectStore::path() const
{
    return d->path;
}

core::JournalBase ProjectStore::identity() const
{
    core::JournalBase b;
    b.kind = core::JournalBase::Kind::Store;
    b.storeId = d->storeId;
    b.generation = d->generation;
    return b;
}

StoreSaveStats ProjectStore::lastSave() const
{
    return d->last;
}

void ProjectStore::close()
{
    d->conn.close();
    d->path.clear();
    d->storeId.clear();
    d->generation = -1;
    d->rowCount = 0;
}

std::optional<core::Project> ProjectStore::open(const std::string &pathIn, std::string *error)
{
    std::string localError;
    std::string *err = error ? error : &localError;
    close();
    const QFileInfo fi(QString::fromStdString(pathIn));
    const std::string path = fi.absoluteFilePath().toStdString();
    if (!fi.isFile()) {
        *err = pathIn + ": " + (fi.exists() ? tr("not a file") : tr("no such file"));
        return std::nullopt;
    }
    if (!isStoreFile(path)) {
        *err = pathIn + ": " + tr("not a Paddock project store (not an SQLite database)");
        return std::nullopt;
    }
    if (!d->conn.open(path, err))
        return std::nullopt;
    auto fail = [&] {
        d->conn.close();
        return std::nullopt;
    };
    std::map<std::string, std::string> meta;
    // One read transaction: meta and clips are the same committed state.
    if (!d->conn.exec("BEGIN", path, err) || !readMeta(d->conn.db(), pathIn, &meta, err))
        return fail();
    core::Project project;
    if (!core::categoriesFromJsonText(meta["categories"], pathIn, &project.categories, err))
        return fail();
    std::vector<std::string> texts;
    {
        QSqlQuery q(d->conn.db());
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT pos, data FROM clips ORDER BY pos"))) {
            *err = pathIn + ": " + sqlError(q.lastError());
            return fail();
        }
        while (q.next()) {
            if (q.value(0).toLongLong() != std::int64_t(texts.size())) {
                *err = pathIn + ": " + tr("clip rows are not numbered 0, 1, 2, ... (row") + " "
                    + std::to_string(q.value(0).toLongLong()) + " " + tr("where") + " " + std::to_string(texts.size())
                    + " " + tr("was expected") + ")";
                return fail();
            }
            texts.push_back(q.value(1).toByteArray().toStdString());
        }
    }
    d->conn.exec("COMMIT", path, err);
    const std::string dir = dirOf(path);
    project.clips.resize(texts.size());
    std::vector<std::string> errors(texts.size());
    parallelFor(int(texts.size()), [&](int i) {
        const std::string where = pathIn + ": clips[" + std::to_string(i) + "]";
        if (!core::clipFromJsonText(texts[std::size_t(i)], where, dir, &project.clips[std::size_t(i)],
                                    &errors[std::size_t(i)]) && errors[std::size_t(i)].empty())
            errors[std::size_t(i)] = where + ": " + tr("unreadable");
        std::string().swap(texts[std::size_t(i)]);
    });
    for (const std::string &e : errors)
        if (!e.empty()) {
            *err = e;
            return fail();
        }
    d->path = path;
    d->storeId = meta["storeId"];
    d->generation = QString::fromStdString(meta["generation"]).toLongLong();
    d->rowCount = int(project.clips.size());
    return project;
}

bool ProjectStore::create(const core::Project &project, const std::string &pathIn, std::string *error)
{
    std::string localError;
    std::string *err = error ? error : &localError;
    close();
    const QFileInfo fi(QString::fromStdString(pathIn));
    const std::string path = fi.absoluteFilePath().toStdString();
    if (fi.isDir()) {
        *err = pathIn + ": " + tr("is a folder");
        return false;
    }
    // Built beside the target, then renamed over it: the old file stays whole until the new store is complete.
    QTemporaryFile temp(fi.absoluteDir().filePath(QLatin1Char('.') + fi.fileName() + QStringLiteral(".XXXXXXXX.tmp")));
    temp.setAutoRemove(false);
    if (!temp.open()) {
        *err = pathIn + ": " + temp.errorString().toStdString();
        return false;
    }
    const std::string tempPath = temp.fileName().toStdString();
    temp.close();
    const auto removeTemp = [&] {
        for (const std::string &p : {tempPath, tempPath + "-journal"})
            QFile::remove(QString::fromStdString(p));
    };
    {
        Connection conn;
        const auto failed = [&] {
            conn.exec("ROLLBACK", pathIn, &localError);
            conn.close();
            removeTemp();
            return false;
        };
        if (!conn.open(tempPath, err))
            return removeTemp(), false;
        const std::string appId = "PRAGMA application_id=" + std::to_string(kApplicationId);
        if (!conn.exec(appId.c_str(), pathIn, err) || !conn.exec("PRAGMA page_size=8192", pathIn, err)
            || !conn.exec("BEGIN IMMEDIATE", pathIn, err)
            || !conn.exec("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)", pathIn, err)
            || !conn.exec("CREATE TABLE clips(pos INTEGER PRIMARY KEY, name TEXT NOT NULL, video_id INTEGER NOT NULL, "
                          "frame_count INTEGER NOT NULL, instances INTEGER NOT NULL, review_state INTEGER NOT NULL, "
                          "data BLOB NOT NULL)",
                          pathIn, err))
            return failed();
        d->storeId = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
        d->generation = 1;
        d->last = StoreSaveStats{};
        d->last.full = true;
        if (!setMeta(conn.db(), "format", QLatin1String(kFormatName), pathIn, err)
            || !setMeta(conn.db(), "version", QString::number(kStoreFormatVersion), pathIn, err)
            || !setMeta(conn.db(), "storeId", QString::fromStdString(d->storeId), pathIn, err)
            || !setMeta(conn.db(), "generation", QString::number(d->generation), pathIn, err)
            || !setMeta(conn.db(), "categories", QString::fromStdString(core::categoriesToJsonText(project.categories)), pathIn,
                        err))
            return failed();
        std::vector<int> all(project.clips.size());
        for (std::size_t i = 0; i < all.size(); ++i)
            all[i] = int(i);
        if (!writeRows(conn.db(), project, all, dirOf(path), pathIn, &d->last, err))
            return failed();
        if (!conn.exec("COMMIT", pathIn, err))
            return failed();
        conn.close();
    }
    // Whatever SQLite left beside the old file (a rollback journal of a save cut short) would be applied to the new
    // store after the rename: let SQLite settle the old file first (opening it rolls the journal back), then remove
    // what is left.
    if (QFileInfo::exists(QString::fromStdString(path + "-journal")) || QFileInfo::exists(QString::fromStdString(path + "-wal"))) {
        if (isStoreFile(path)) {
            Connection old;
            std::string ignored;
            if (old.open(path, &ignored))
                old.exec("SELECT count(*) FROM sqlite_master", path, &ignored);
        }
        for (const char *suffix : {"-journal", "-wal", "-shm"})
            QFile::remove(QString::fromStdString(path + suffix));
    }
    if (std::rename(tempPath.c_str(), path.c_str()) != 0) {
        *err = pathIn + ": " + std::strerror(errno);
        removeTemp();
        return false;
    }
    syncDir(path);
    if (!d->conn.open(path, err))
        return false;
    d->path = path;
    d->rowCount = int(project.clips.size());
    return true;
}

bool ProjectStore::save(const core::Project &project, const StoreChanges &changes, std::string *error)
{
    std::string localError;
    std::string *err = error ? error : &localError;
    if (!isOpen()) {
        *err = tr("no project store is open");
        return false;
    }
    d->last = StoreSaveStats{};
    const auto failed = [&] {
        std::string ignored;
        d->conn.exec("ROLLBACK", d->path, &ignored);
        return false;
    };
    if (!d->conn.exec("BEGIN IMMEDIATE", d->path, err))
        return false;
    std::map<std::string, std::string> meta;
    if (!readMeta(d->conn.db(), d->path, &meta, err))
        return failed();
    // Committed by another program since we read it: our changes are relative to a state that is gone.
    const bool foreign = meta["storeId"] != d->storeId || QString::fromStdString(meta["generation"]).toLongLong() != d->generation;
    const bool full = foreign || changes.clipList;
    const int n = int(project.clips.size());
    std::vector<int> positions;
    if (full) {
        if (!d->conn.exec("DELETE FROM clips", d->path, err))
            return failed();
        for (int i = 0; i < n; ++i)
            positions.push_back(i);
    } else {
        for (int i : changes.clips)
            if (i >= 0 && i < n && i < d->rowCount)
                positions.push_back(i);
        for (int i = d->rowCount; i < n; ++i)
            positions.push_back(i);
        if (n < d->rowCount) {
            QSqlQuery q(d->conn.db());
            q.prepare(QStringLiteral("DELETE FROM clips WHERE pos >= ?"));
            q.addBindValue(n);
            if (!q.exec()) {
                *err = d->path + ": " + sqlError(q.lastError());
                return failed();
            }
        }
    }
    d->last.full = full;
    if (!writeRows(d->conn.db(), project, positions, dirOf(d->path), d->path, &d->last, err))
        return failed();
    if ((full || changes.categories)
        && !setMeta(d->conn.db(), "categories", QString::fromStdString(core::categoriesToJsonText(project.categories)),
                    d->path, err))
        return failed();
    const std::int64_t generation = std::max<std::int64_t>(d->generation, QString::fromStdString(meta["generation"]).toLongLong()) + 1;
    if (!setMeta(d->conn.db(), "generation", QString::number(generation), d->path, err)
        || !setMeta(d->conn.db(), "storeId", QString::fromStdString(d->storeId), d->path, err))
        return failed();
    if (!d->conn.exec("COMMIT", d->path, err))
        return failed();
    d->generation = generation;
    d->rowCount = n;
    return true;
}

// ---- Helpers --------------------------------------------------------------------------------------------------------

std::optional<core::Project> loadStore(const std::string &path, std::string *error)
{
    ProjectStore store;
    return store.open(path, error);
}

bool saveStore(const core::Project &project, const std::string &path, std::string *error)
{
    ProjectStore store;
    return store.create(project, path, error);
}

std::optional<core::JournalBase> readStoreIdentity(const std::string &path, std::string *error)
{
    std::string localError;
    std::string *err = error ? error : &localError;
    if (!isStoreFile(path)) {
        *err = path + ": " + tr("not a Paddock project store (not an SQLite database)");
        return std::nullopt;
    }
    Connection conn;
    std::map<std::string, std::string> meta;
    if (!conn.open(path, err) || !readMeta(conn.db(), path, &meta, err))
        return std::nullopt;
    core::JournalBase b;
    b.kind = core::JournalBase::Kind::Store;
    b.storeId = meta["storeId"];
    b.generation = QString::fromStdString(meta["generation"]).toLongLong();
    return b;
}

std::optional<core::Project> loadProjectFile(const std::string &path, std::string *error)
{
    return isStoreFile(path) ? loadStore(path, error) : core::loadProject(path, error);
}

std::optional<core::Recovery> findRecovery(const std::string &projectPath)
{
    if (projectPath.empty() || !isStoreFile(projectPath))
        return core::findRecovery(projectPath);
    return core::findRecovery(projectPath, readStoreIdentity(projectPath, nullptr));
}

std::optional<core::Project> loadRecovery(const core::Recovery &recovery, std::string *error)
{
    return core::loadRecovery(recovery, error, loadProjectFile);
}

} // namespace paddock::store
