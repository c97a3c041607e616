#pragma once

#include <QString>
#include <cstring>

namespace ShmScope {

// Every shared object ShmScope itself creates (sync objects, operation logs, step controls) begins
// with this header, so that any observer (the catalogue, another process) can tell what it is by
// reading 32 bytes, without knowing who made it.
struct ObjectHeader {
    char magic[8];     // "SHMSCOPE"
    quint32 version;   // layout version of the object that follows
    quint32 reserved;
    char kindName[16]; // ASCII, NUL-padded: "Lock", "RLock", "Semaphore", "OpLog", "StepControl", ...
};
static_assert(sizeof(ObjectHeader) == 32, "ObjectHeader is part of the shared format");

inline constexpr char kObjectMagic[8] = {'S', 'H', 'M', 'S', 'C', 'O', 'P', 'E'};

// The magic as one 64-bit word, for objects that publish it last with one atomic store (so that an
// observer that sees the magic sees a fully initialised object).
inline quint64 objectMagicWord()
{
    quint64 word = 0;
    std::memcpy(&word, kObjectMagic, sizeof word);
    return word;
}

inline bool isShmScopeObject(const ObjectHeader &header)
{
    return std::memcmp(header.magic, kObjectMagic, sizeof kObjectMagic) == 0;
}

inline QString objectKindName(const ObjectHeader &header)
{
    return QString::fromLatin1(header.kindName, int(strnlen(header.kindName, sizeof header.kindName)));
}

inline void initObjectHeader(ObjectHeader &header, const char *kindName, quint32 version)
{
    std::memset(&header, 0, sizeof header);
    std::memcpy(header.magic, kObjectMagic, sizeof kObjectMagic);
    header.version = version;
    // memcpy of at most the field's size: the name may fill it without a terminating NUL.
    std::memcpy(header.kindName, kindName, strnlen(kindName, sizeof header.kindName));
}

} // namespace ShmScope
