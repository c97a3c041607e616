#pragma once

#include <QString>
#include <QVector>
#include <memory>
#include <sys/types.h>

namespace ShmScope {

class ShmRegion;
struct OpLogShared;
struct OpLogSlot;

// What a worker did, one short code per visible step.
enum class OpCode : quint16 {
    Load = 1, Add, Store, Write, Read, Acquire, Release, Wait, Post, Set, Clear, Notify,
    Produce, Consume, Barrier, Step, Start, Exit, Custom
};
QString opCodeName(OpCode op);             // "LOAD", "ADD", ... ("OP<n>" for an unknown number)
bool opCodeFromName(const QString &name, OpCode *op);

// An old or new value: an integer, a double (stored as its bits), or nothing.
struct OpValue {
    enum Type : quint8 { None = 0, Int = 1, Double = 2 };
    Type type = None;
    qint64 bits = 0;

    static OpValue none() { return {}; }
    static OpValue ofInt(qint64 v) { return {Int, v}; }
    static OpValue ofDouble(double v);
    qint64 toInt() const { return bits; }
    double toDouble() const;
    QString toString() const; // "", "42", "3.14"
};

// One entry as a reader returns it.
struct OpLogEntry {
    quint64 index = 0;   // position in the log since its creation (0, 1, 2, ...), the "seq"
    qint64 timeNs = 0;   // CLOCK_MONOTONIC: one clock for every process on the machine
    pid_t pid = 0;
    OpCode op = OpCode::Custom;
    quint64 target = 0;  // a field's byte offset, or a sync object's id (syncObjectId(name))
    OpValue oldValue;
    OpValue newValue;
    QString tag;         // up to 12 bytes of UTF-8 (a field or object name), truncated
    quint64 lostBefore = 0; // entries overwritten (overrun) just before this one, unread
};

// A bounded ring of entries in the segment "shmscope.log.<NAME>" (ObjectHeader kind "OpLog").
// Writers in any number of processes append without locks: a slot is claimed with one atomic
// fetch_add on the head, and each slot carries a sequence stamped odd (2*index+1) while written
// and even (2*index+2) when complete, plus a checksum. Readers never block writers; an entry that
// changed while it was copied is dropped as lost, never returned half-written.
class OpLog {
public:
    static constexpr int kDefaultCapacity = 65536;

    // capacity: entries kept (1 .. 16M), rounded up to a power of two.
    static std::unique_ptr<OpLog> create(const QString &name, int capacity, QString *error);
    static std::unique_ptr<OpLog> open(const QString &name, QString *error);
    // For observers only: maps read-only, append() is refused.
    static std::unique_ptr<OpLog> openReadOnly(const QString &name, QString *error);
    static bool remove(const QString &name, QString *error); // unlinks "shmscope.log.<NAME>"
    static QString segmentName(const QString &name, QString *error = nullptr);

    ~OpLog();
    OpLog(const OpLog &) = delete;
    OpLog &operator=(const OpLog &) = delete;

    // Appends one entry; returns its index. Wait-free apart from the fetch_add; safe from any
    // number of threads and processes. Returns quint64(-1) on a read-only log.
    quint64 append(OpCode op, quint64 target, OpValue oldValue, OpValue newValue,
                   const char *tag = nullptr);
    quint64 append(OpCode op, quint64 target, OpValue oldValue, OpValue newValue,
                   const QString &tag);

    QString name() const;
    int capacity() const;
    quint64 head() const;      // entries ever appended (the next index)
    qint64 createdNs() const;  // CLOCK_MONOTONIC

    // Internal: wraps a checked mapping.
    static std::unique_ptr<OpLog> fromRegion(std::unique_ptr<ShmRegion> region, const QString &name,
                                             bool readOnly);

private:
    friend class OpLogReader;
    OpLog() = default;
    std::unique_ptr<ShmRegion> m_region;
    OpLogShared *m_shared = nullptr;
    OpLogSlot *m_slots = nullptr;
    QString m_name;
    bool m_readOnly = false;
};

// A stable 64-bit id for a name (FNV-1a), used as an entry's target for sync objects.
quint64 syncObjectId(const QString &name);

// Reads a log from a cursor onward without ever blocking its writers.
class OpLogReader {
public:
    enum class Start { Oldest, Now };
    explicit OpLogReader(const OpLog &log, Start from = Start::Oldest);

    struct Batch {
        QVector<OpLogEntry> entries;
        quint64 lostAfterLast = 0; // entries lost after the last one returned (overrun at the tail)
        quint64 lostTotal = 0;     // all lost in this batch (sum of lostBefore + lostAfterLast)
    };
    // Everything complete since the last call, up to maxEntries. When the writers got more than a
    // ring ahead, the oldest are reported lost and the cursor jumps. An entry still being written
    // ends the batch (read again later); one stuck half-written for staleMs (its writer died) is
    // counted lost.
    Batch readAvailable(int maxEntries = 4096, qint64 staleMs = 200);

    quint64 cursor() const { return m_cursor; }
    quint64 lostTotal() const { return m_lostTotal; }

private:
    const OpLog &m_log;
    quint64 m_cursor = 0;
    quint64 m_lostTotal = 0;
    quint64 m_pendingIndex = ~quint64(0);
    qint64 m_pendingSinceNs = 0;
};

} // namespace ShmScope
