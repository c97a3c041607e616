#pragma once

// What every worker kind shares: options, failures with one clear line, the parent-death guard,
// the progress line printed at a steady rate, and a data field bound by segment + layout + name.

#include "layout.h"
#include "oplog.h"
#include "segment.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace ShmScope::Worker {

// Exit codes, documented in `shmscope-worker --help` and the README.
enum ExitCode : int {
    ExitDone = 0,
    ExitFailure = 1, // something broke while running (a sync call failed, ...)
    ExitBadArguments = 2, // unknown kind or option, a bad number, a field of the wrong type
    ExitNotFound = 3, // the segment, field, lock or other sync object does not exist
    ExitParentGone = 4, // the process that started us was already gone when we armed the guard
};

// Thrown to end the worker: main() prints the message as ONE stderr line and returns the code.
struct WorkerExit {
    int exitCode = ExitDone;
    QString message; // empty for a clean exit (e.g. after --help)
};

[[noreturn]] void failBadArguments(const QString &message);
[[noreturn]] void failNotFound(const QString &message);
[[noreturn]] void failRuntime(const QString &message);

// --- Parent death ---------------------------------------------------------------------------------
// prctl(PR_SET_PDEATHSIG) only fires for a parent that dies AFTER the call, so we remember who our
// parent was before arming and compare afterwards. Linux quirk: the signal follows the *thread* that
// forked us, so a parent must start workers from a thread that outlives them (the GUI's main thread).
class ParentGuard {
public:
    static void arm(); // first thing in main()
    static void verify(pid_t expectedParent); // 0: the parent observed by arm(); throws ExitParentGone
};

// --- Options --------------------------------------------------------------------------------------
// The options every kind accepts besides its own.
struct CommonOptions {
    pid_t parentPid = 0; // --parent-pid: who must be alive (closes the fork/prctl race exactly)
    bool step = false; // --step: stop before each visible step until a controller releases it
    QString logName; // --log NAME: record every operation in this op log
    int progressMs = 100; // --progress-ms: period of the progress line
};

class WorkerOptions {
public:
    explicit WorkerOptions(const QString &kind, const QString &description);

    void addValue(const QString &name, const QString &valueName, const QString &description);
    void addFlag(const QString &name, const QString &description);

    // Parses the arguments after KIND. Throws WorkerExit on an error, and a clean one after --help.
    void parse(const QStringList &arguments);

    bool isSet(const QString &name) const;
    QString text(const QString &name) const; // "" when absent
    QString requiredText(const QString &name) const; // throws "--name is required"
    qint64 integer(const QString &name, qint64 minimum, qint64 maximum,
        std::optional<qint64> fallback = std::nullopt) const;
    double number(const QString &name, double minimum, double maximum, double fallback) const;
    // One of the allowed words, or the fallback when absent.
    QString choice(const QString &name, const QStringList &allowed, const QString &fallback) const;
    // Exactly one of the given options must be set: returns its name.
    QString oneOf(const QStringList &names) const;

    const CommonOptions &common() const { return m_common; }
    const QString &kind() const { return m_kind; }

private:
    QString m_kind;
    QCommandLineParser m_parser;
    CommonOptions m_common;
};

// --- Progress -------------------------------------------------------------------------------------
// Prints `progress pid=1234 kind=counter done=5000 total=10000 ops_per_s=51234` every period from a
// thread of its own, so the line keeps its rhythm while the worker waits on a lock, a barrier or a
// step; the worker only stores a counter (relaxed), which costs nothing in its hot loop.
class ProgressReporter {
public:
    static constexpr qint64 Unbounded = -1; // printed as total=unbounded

    ProgressReporter(QString kind, qint64 total, int periodMs);
    ~ProgressReporter();
    ProgressReporter(const ProgressReporter &) = delete;
    ProgressReporter &operator=(const ProgressReporter &) = delete;

    void setDone(qint64 done) { m_done.store(done, std::memory_order_relaxed); }
    void addDone(qint64 count = 1) { m_done.fetch_add(count, std::memory_order_relaxed); }
    qint64 done() const { return m_done.load(std::memory_order_relaxed); }

    // Stops the progress thread and prints `summary pid=... kind=... done=... total=... elapsed_ms=...
    // ops_per_s=...` followed by the extra key=value pairs, in order.
    void finish(const std::vector<std::pair<QString, QString>> &extra = {});

private:
    void run();
    QString totalText() const;

    QString m_kind;
    qint64 m_total;
    int m_periodMs;
    qint64 m_startNs;
    std::atomic<qint64> m_done { 0 };
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_finished = false;
    std::thread m_thread;
};

qint64 monotonicNs();
void sleepMicroseconds(qint64 microseconds);
void printLine(const QString &line); // stdout, flushed: parents read us line by line

// --- Data fields ----------------------------------------------------------------------------------
// A field of a data segment, found by segment name, layout text and field name, with every way
// that can fail turned into one clear line.
class BoundField {
public:
    static BoundField bind(const QString &segmentName, const QString &layoutSpec, const QString &fieldName);
    // Another field of the same segment and layout, sharing this one's mapping (one mapping per
    // process keeps `shmscope-cli who` honest).
    BoundField sibling(const QString &fieldName) const;

    const LayoutField &field() const { return m_layout.fields().at(m_fieldIndex); }
    const TypeCode &type() const { return *field().type; }
    uchar *address(int index = 0) const; // element index of an array field
    qint64 offset(int index = 0) const; // byte offset in the segment, for the op log
    int count() const { return field().count; }
    const QString &segmentName() const { return m_segmentName; }
    bool isInteger() const;

    // Throws ExitBadArguments unless the field holds integers ("for a counter").
    void requireInteger(const QString &purpose) const;

private:
    void selectField(const QString &fieldName, const QString &layoutSpec);
    void checkFits() const;

    std::shared_ptr<Segment> m_segment;
    Layout m_layout;
    int m_fieldIndex = -1;
    QString m_segmentName;
};

// One integer element in shared memory, read and written as separate relaxed atomics: a LOAD and a
// STORE the compiler cannot merge into one add, which is exactly the race of seed 004.
class IntegerCell {
public:
    IntegerCell() = default;
    IntegerCell(uchar *address, const TypeCode &type);
    qint64 load() const; // sign- or zero-extended as the type says
    void store(qint64 value); // wraps silently to the type's width, as ctypes does
    // A store that also returns what it overwrote, for the op log (exact even in a race).
    qint64 exchange(qint64 value);
    bool isValid() const { return m_address != nullptr; }

private:
    uchar *m_address = nullptr;
    int m_size = 0;
    bool m_signed = true;
};

// Stores size (1, 2, 4 or 8) little-endian bytes as one atomic store, so an observer polling the
// segment never sees half an element; returns the bytes it replaced (for the op log) in old.
void exchangeElement(uchar *address, int size, const uchar *bytes, uchar *old);

// An element's value for the op log: floats as doubles, everything else as an integer.
OpValue opValueOf(const TypeCode &type, const uchar *littleEndianBytes);

} // namespace ShmScope::Worker
