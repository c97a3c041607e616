#pragma once

#include <QStringList>

// One entry point per worker kind; each lives in its own file and throws WorkerExit on failure.
namespace ShmScope::Worker {

int runCounter(const QStringList &arguments); // counterworker.cpp
int runArrayWriter(const QStringList &arguments); // arraywriterworker.cpp
int runProducer(const QStringList &arguments); // ringbufferworkers.cpp
int runConsumer(const QStringList &arguments); // ringbufferworkers.cpp
int runBarrier(const QStringList &arguments); // barrierworker.cpp
int runEventWait(const QStringList &arguments); // eventworkers.cpp
int runEventSet(const QStringList &arguments); // eventworkers.cpp
int runHolder(const QStringList &arguments); // lockholderworker.cpp
int runConditionWait(const QStringList &arguments); // conditionworkers.cpp
int runConditionNotify(const QStringList &arguments); // conditionworkers.cpp

} // namespace ShmScope::Worker
