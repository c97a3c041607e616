#include "panelhelp.h"

#include <QDockWidget>
#include <QMainWindow>

namespace ShmScope {

QString PanelHelp::textFor(const QString &objectName)
{
    const QString name = objectName.toLower();
    if (name.contains(QLatin1String("typed")))
        return tr("<b>Typed values</b><p>The same bytes read as the fields of the layout: numbers, "
                  "characters, arrays. Double-click a value to write a new one into shared memory; every "
                  "process that maps the block sees it at once.</p>");
    if (name.contains(QLatin1String("blocks")))
        return tr("<b>Blocks</b><p>One block of shared memory and every process that has it mapped. Each "
                  "process sees the block at its own address, yet they all touch the same physical "
                  "pages: a write by one is a write for all.</p>");
    if (name.contains(QLatin1String("segments")))
        return tr("<b>Segments</b><p>The named blocks in /dev/shm, with their size, owner and permissions, "
                  "and the processes that map them. Create, attach or unlink a segment here.</p>");
    if (name.contains(QLatin1String("sync")))
        return tr("<b>Sync objects</b><p>Locks, semaphores, events, conditions and barriers that live in "
                  "shared memory: who holds each lock, who waits, how often there was contention.</p>");
    if (name.contains(QLatin1String("processes")))
        return tr("<b>Processes</b><p>The workers this window started: what each one runs, whether it is "
                  "alive, and its output. Start new workers or end them here.</p>");
    if (name.contains(QLatin1String("experiment")))
        return tr("<b>Experiment</b><p>The lesson: what will happen, the phases, and the outcome — whether "
                  "what the class predicted really happened.</p>");
    if (name.contains(QLatin1String("step")))
        return tr("<b>Step through</b><p>Each worker's program as cards, with the next step lit. Step one "
                  "worker at a time to see how a read and a write of two processes interleave and how an "
                  "update can be lost.</p>");
    if (name.contains(QLatin1String("timeline")))
        return tr("<b>Timeline</b><p>Every operation of every worker over time: reads, writes, lock "
                  "acquisitions and waits. Drag the scrubber to look back at any moment.</p>");
    if (name.contains(QLatin1String("grid")) || name.contains(QLatin1String("byte")))
        return tr("<b>Bytes</b><p>The shared memory itself, byte by byte. Bytes that just changed flash; "
                  "groups are the fields of the layout with their value written over them.</p>");
    return overview();
}

QString PanelHelp::overview()
{
    return tr("<b>ShmScope</b><p>In the middle: the bytes of one block of shared memory, live. Around it: the "
              "same bytes as typed values, the processes that map the block, the locks and other sync "
              "objects in it, and the classroom panels. Press F1 in any panel for what it shows.</p>");
}

void PanelHelp::install(QMainWindow *window)
{
    const QList<QDockWidget *> docks = window->findChildren<QDockWidget *>();
    for (QDockWidget *dock : docks) {
        const QString text = textFor(dock->objectName());
        dock->setWhatsThis(text);
        if (dock->widget() && dock->widget()->whatsThis().isEmpty())
            dock->widget()->setWhatsThis(text);
    }
    if (QWidget *central = window->centralWidget())
        central->setWhatsThis(textFor(QStringLiteral("grid")));
}

} // namespace ShmScope
