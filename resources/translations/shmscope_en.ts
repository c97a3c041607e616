<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>LaunchDialog</name>
        <message>
            <source>Adds 1 to an integer field N times: LOAD, ADD, STORE. Without a lock two counters lose updates (seed 004).</source>
            <translation>Adds 1 to an integer field N times: LOAD, ADD, STORE. Without a lock two counters lose updates (seed 004).</translation>
        </message>
        <message>
            <source>Increments:</source>
            <translation>Increments:</translation>
        </message>
        <message>
            <source>Delay between LOAD and STORE (µs):</source>
            <translation>Delay between LOAD and STORE (µs):</translation>
        </message>
        <message>
            <source>Writes an array field element by element, at a rate.</source>
            <translation>Writes an array field element by element, at a rate.</translation>
        </message>
        <message>
            <source>Writes (0: until stopped):</source>
            <translation>Writes (0: until stopped):</translation>
        </message>
        <message>
            <source>Writes per second (0: as fast as possible):</source>
            <translation>Writes per second (0: as fast as possible):</translation>
        </message>
        <message>
            <source>Puts N items into a ring buffer (layout head:i; tail:i; items:q[16]) guarded by two semaphores and a lock.</source>
            <translation>Puts N items into a ring buffer (layout head:i; tail:i; items:q[16]) guarded by two semaphores and a lock.</translation>
        </message>
        <message>
            <source>Items:</source>
            <translation>Items:</translation>
        </message>
        <message>
            <source>Pause after each item (µs):</source>
            <translation>Pause after each item (µs):</translation>
        </message>
        <message>
            <source>Takes N items from the ring buffer.</source>
            <translation>Takes N items from the ring buffer.</translation>
        </message>
        <message>
            <source>Waits at a Barrier for R rounds; optionally counts arrivals in a field.</source>
            <translation>Waits at a Barrier for R rounds; optionally counts arrivals in a field.</translation>
        </message>
        <message>
            <source>Rounds:</source>
            <translation>Rounds:</translation>
        </message>
        <message>
            <source>Work before each arrival (µs):</source>
            <translation>Work before each arrival (µs):</translation>
        </message>
        <message>
            <source>Waits until an Event is set.</source>
            <translation>Waits until an Event is set.</translation>
        </message>
        <message>
            <source>Sets an Event, after a delay.</source>
            <translation>Sets an Event, after a delay.</translation>
        </message>
        <message>
            <source>Wait first (ms):</source>
            <translation>Wait first (ms):</translation>
        </message>
        <message>
            <source>Waits on a Condition until an integer field is at least 1 (Python's wait_for).</source>
            <translation>Waits on a Condition until an integer field is at least 1 (Python's wait_for).</translation>
        </message>
        <message>
            <source>Sets an integer field under a Condition's lock and notifies every waiter.</source>
            <translation>Sets an integer field under a Condition's lock and notifies every waiter.</translation>
        </message>
        <message>
            <source>Holds a Lock for a time, N times; with --crash it dies holding it, and the next acquirer recovers it.</source>
            <translation>Holds a Lock for a time, N times; with --crash it dies holding it, and the next acquirer recovers it.</translation>
        </message>
        <message>
            <source>Times:</source>
            <translation>Times:</translation>
        </message>
        <message>
            <source>Hold for (ms):</source>
            <translation>Hold for (ms):</translation>
        </message>
    </context>
    <context>
        <name>PanelHelp</name>
        <message>
            <source>&lt;b&gt;Typed values&lt;/b&gt;&lt;p&gt;The same bytes read as the fields of the layout: numbers, characters, arrays. Double-click a value to write a new one into shared memory; every process that maps the block sees it at once.&lt;/p&gt;</source>
            <translation>&lt;b&gt;Typed values&lt;/b&gt;&lt;p&gt;The same bytes read as the fields of the layout: numbers, characters, arrays. Double-click a value to write a new one into shared memory; every process that maps the block sees it at once.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Blocks&lt;/b&gt;&lt;p&gt;One block of shared memory and every process that has it mapped. Each process sees the block at its own address, yet they all touch the same physical pages: a write by one is a write for all.&lt;/p&gt;</source>
            <translation>&lt;b&gt;Blocks&lt;/b&gt;&lt;p&gt;One block of shared memory and every process that has it mapped. Each process sees the block at its own address, yet they all touch the same physical pages: a write by one is a write for all.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Segments&lt;/b&gt;&lt;p&gt;The named blocks in /dev/shm, with their size, owner and permissions, and the processes that map them. Create, attach or unlink a segment here.&lt;/p&gt;</source>
            <translation>&lt;b&gt;Segments&lt;/b&gt;&lt;p&gt;The named blocks in /dev/shm, with their size, owner and permissions, and the processes that map them. Create, attach or unlink a segment here.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Sync objects&lt;/b&gt;&lt;p&gt;Locks, semaphores, events, conditions and barriers that live in shared memory: who holds each lock, who waits, how often there was contention.&lt;/p&gt;</source>
            <translation>&lt;b&gt;Sync objects&lt;/b&gt;&lt;p&gt;Locks, semaphores, events, conditions and barriers that live in shared memory: who holds each lock, who waits, how often there was contention.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Processes&lt;/b&gt;&lt;p&gt;The workers this window started: what each one runs, whether it is alive, and its output. Start new workers or end them here.&lt;/p&gt;</source>
            <translation>&lt;b&gt;Processes&lt;/b&gt;&lt;p&gt;The workers this window started: what each one runs, whether it is alive, and its output. Start new workers or end them here.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Experiment&lt;/b&gt;&lt;p&gt;The lesson: what will happen, the phases, and the outcome — whether what the class predicted really happened.&lt;/p&gt;</source>
            <translation>&lt;b&gt;Experiment&lt;/b&gt;&lt;p&gt;The lesson: what will happen, the phases, and the outcome — whether what the class predicted really happened.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Step through&lt;/b&gt;&lt;p&gt;Each worker's program as cards, with the next step lit. Step one worker at a time to see how a read and a write of two processes interleave and how an update can be lost.&lt;/p&gt;</source>
            <translation>&lt;b&gt;Step through&lt;/b&gt;&lt;p&gt;Each worker's program as cards, with the next step lit. Step one worker at a time to see how a read and a write of two processes interleave and how an update can be lost.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Timeline&lt;/b&gt;&lt;p&gt;Every operation of every worker over time: reads, writes, lock acquisitions and waits. Drag the scrubber to look back at any moment.&lt;/p&gt;</source>
            <translation>&lt;b&gt;Timeline&lt;/b&gt;&lt;p&gt;Every operation of every worker over time: reads, writes, lock acquisitions and waits. Drag the scrubber to look back at any moment.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Bytes&lt;/b&gt;&lt;p&gt;The shared memory itself, byte by byte. Bytes that just changed flash; groups are the fields of the layout with their value written over them.&lt;/p&gt;</source>
            <translation>&lt;b&gt;Bytes&lt;/b&gt;&lt;p&gt;The shared memory itself, byte by byte. Bytes that just changed flash; groups are the fields of the layout with their value written over them.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;ShmScope&lt;/b&gt;&lt;p&gt;In the middle: the bytes of one block of shared memory, live. Around it: the same bytes as typed values, the processes that map the block, the locks and other sync objects in it, and the classroom panels. Press F1 in any panel for what it shows.&lt;/p&gt;</source>
            <translation>&lt;b&gt;ShmScope&lt;/b&gt;&lt;p&gt;In the middle: the bytes of one block of shared memory, live. Around it: the same bytes as typed values, the processes that map the block, the locks and other sync objects in it, and the classroom panels. Press F1 in any panel for what it shows.&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>Experiment</source>
            <translation>Experiment</translation>
        </message>
        <message>
            <source>Step-through</source>
            <translation>Step-through</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Timeline</translation>
        </message>
    </context>
    <context>
        <name>Screenshot</name>
        <message>
            <source>--size %1: expected WIDTHxHEIGHT between 320x240 and 7680x4320</source>
            <translation>--size %1: expected WIDTHxHEIGHT between 320x240 and 7680x4320</translation>
        </message>
        <message>
            <source>cannot write %1: no folder %2</source>
            <translation>cannot write %1: no folder %2</translation>
        </message>
        <message>
            <source>no poll within %1 s: nothing to capture</source>
            <translation>no poll within %1 s: nothing to capture</translation>
        </message>
        <message>
            <source>--size %1x%2 is smaller than the window can be (%3x%4)</source>
            <translation>--size %1x%2 is smaller than the window can be (%3x%4)</translation>
        </message>
        <message>
            <source>cannot write %1: %2</source>
            <translation>cannot write %1: %2</translation>
        </message>
    </context>
    <context>
        <name>ShmScope</name>
        <message>
            <source>No prediction was made.</source>
            <translation>No prediction was made.</translation>
        </message>
        <message>
            <source>“%1” is not a number: no score.</source>
            <translation>“%1” is not a number: no score.</translation>
        </message>
        <message>
            <source>Nothing was observed to compare with.</source>
            <translation>Nothing was observed to compare with.</translation>
        </message>
        <message>
            <source>You predicted %1 — observed %2</source>
            <translation>You predicted %1 — observed %2</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::AboutDialog</name>
        <message>
            <source>About ShmScope</source>
            <translation>About ShmScope</translation>
        </message>
        <message>
            <source>&lt;p&gt;Watch POSIX shared memory between processes while it happens: bytes, typed values, locks and the processes that map each block.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Watch POSIX shared memory between processes while it happens: bytes, typed values, locks and the processes that map each block.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Built with Qt %1.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Built with Qt %1.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Released under the MIT licence: use, copy, change and share it freely, keeping the copyright notice.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Released under the MIT licence: use, copy, change and share it freely, keeping the copyright notice.&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::BlocksDiagram</name>
        <message>
            <source>Open another handle</source>
            <translation>Open another handle</translation>
        </message>
        <message>
            <source>Attach to the same block again, like the seed's shm_b = SharedMemory(shm_a.name): a second mapping at another address</source>
            <translation>Attach to the same block again, like the seed's shm_b = SharedMemory(shm_a.name): a second mapping at another address</translation>
        </message>
        <message>
            <source>this window · pid %1</source>
            <translation>this window · pid %1</translation>
        </message>
        <message>
            <source>process</source>
            <translation>process</translation>
        </message>
        <message>
            <source>pid %1</source>
            <translation>pid %1</translation>
        </message>
        <message>
            <source>Another handle</source>
            <translation>Another handle</translation>
        </message>
        <message>
            <source>%1 maps the same block at %2</source>
            <translation>%1 maps the same block at %2</translation>
        </message>
        <message>
            <source>Write %1.buf[-1] += 1</source>
            <translation>Write %1.buf[-1] += 1</translation>
        </message>
        <message>
            <source>Wrote %1 at byte %2 through %3: every handle on the block sees it</source>
            <translation>Wrote %1 at byte %2 through %3: every handle on the block sees it</translation>
        </message>
        <message>
            <source>Close %1</source>
            <translation>Close %1</translation>
        </message>
        <message>
            <source>One block, 1 handle</source>
            <translation>One block, 1 handle</translation>
        </message>
        <message>
            <source>One block, %1 handles</source>
            <translation>One block, %1 handles</translation>
        </message>
        <message>
            <source>Each handle maps the same bytes at its own address: shm_a is shm_b → False, yet a write through one is read through all.</source>
            <translation>Each handle maps the same bytes at its own address: shm_a is shm_b → False, yet a write through one is read through all.</translation>
        </message>
        <message>
            <source>This window</source>
            <translation>This window</translation>
        </message>
        <message>
            <source>Other processes</source>
            <translation>Other processes</translation>
        </message>
        <message>
            <source>None yet. Start a worker, or in Python:
SharedMemory('%1')</source>
            <translation>None yet. Start a worker, or in Python:
SharedMemory('%1')</translation>
        </message>
        <message>
            <source>Create or attach a segment to see every handle on its block.</source>
            <translation>Create or attach a segment to see every handle on its block.</translation>
        </message>
        <message>
            <source>memory block · unlinked</source>
            <translation>memory block · unlinked</translation>
        </message>
        <message>
            <source>memory block</source>
            <translation>memory block</translation>
        </message>
        <message>
            <source>%L1 bytes</source>
            <translation>%L1 bytes</translation>
        </message>
        <message>
            <source>%L1 bytes (%2)</source>
            <translation>%L1 bytes (%2)</translation>
        </message>
        <message>
            <source>inode %1</source>
            <translation>inode %1</translation>
        </message>
        <message>
            <source>mapped in 1 process</source>
            <translation>mapped in 1 process</translation>
        </message>
        <message>
            <source>mapped in %1 processes</source>
            <translation>mapped in %1 processes</translation>
        </message>
        <message>
            <source> (deleted)</source>
            <translation> (deleted)</translation>
        </message>
        <message>
            <source>at %1</source>
            <translation>at %1</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::ByteGridView</name>
        <message>
            <source>No segment open
File ▸ New Segment (Ctrl+N) or Attach (Ctrl+O)</source>
            <translation>No segment open
File ▸ New Segment (Ctrl+N) or Attach (Ctrl+O)</translation>
        </message>
        <message>
            <source>OFFSET</source>
            <translation>OFFSET</translation>
        </message>
        <message>
            <source>ASCII</source>
            <translation>ASCII</translation>
        </message>
        <message>
            <source>Hexadecimal</source>
            <translation>Hexadecimal</translation>
        </message>
        <message>
            <source>Decimal</source>
            <translation>Decimal</translation>
        </message>
        <message>
            <source>Binary</source>
            <translation>Binary</translation>
        </message>
        <message>
            <source>Offset %1 (0x%2)</source>
            <translation>Offset %1 (0x%2)</translation>
        </message>
        <message>
            <source>Byte 0x%1 = %2 = 0b%3</source>
            <translation>Byte 0x%1 = %2 = 0b%3</translation>
        </message>
        <message>
            <source>Field %1: %2 (%3), bytes %4–%5</source>
            <translation>Field %1: %2 (%3), bytes %4–%5</translation>
        </message>
        <message>
            <source>Value %1</source>
            <translation>Value %1</translation>
        </message>
        <message>
            <source>Little-endian: byte %1 is the least significant, byte %2 the most</source>
            <translation>Little-endian: byte %1 is the least significant, byte %2 the most</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::CatalogueModel</name>
        <message>
            <source>%1 bytes</source>
            <translation>%1 bytes</translation>
        </message>
        <message>
            <source>pid %1 (%2) maps it at 0x%3–0x%4 %5%6</source>
            <translation>pid %1 (%2) maps it at 0x%3–0x%4 %5%6</translation>
        </message>
        <message>
            <source>, unlinked</source>
            <translation>, unlinked</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>Mode</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Owner</translation>
        </message>
        <message>
            <source>Processes</source>
            <translation>Processes</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::ClassroomController</name>
        <message>
            <source>&amp;Export View…</source>
            <translation>&amp;Export View…</translation>
        </message>
        <message>
            <source>Ctrl+E</source>
            <translation>Ctrl+E</translation>
        </message>
        <message>
            <source>Save the panel with the keyboard focus (or the whole window) as PNG or SVG</source>
            <translation>Save the panel with the keyboard focus (or the whole window) as PNG or SVG</translation>
        </message>
        <message>
            <source>Export &amp;Window…</source>
            <translation>Export &amp;Window…</translation>
        </message>
        <message>
            <source>Ctrl+Shift+E</source>
            <translation>Ctrl+Shift+E</translation>
        </message>
        <message>
            <source>Export Operation &amp;Log as CSV…</source>
            <translation>Export Operation &amp;Log as CSV…</translation>
        </message>
        <message>
            <source>&amp;Presentation Mode</source>
            <translation>&amp;Presentation Mode</translation>
        </message>
        <message>
            <source>&amp;Full Screen</source>
            <translation>&amp;Full Screen</translation>
        </message>
        <message>
            <source>&amp;Zoom</source>
            <translation>&amp;Zoom</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>Zoom &amp;In</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>Zoom &amp;Out</translation>
        </message>
        <message>
            <source>&amp;Actual Size</source>
            <translation>&amp;Actual Size</translation>
        </message>
        <message>
            <source>Zoom %1%</source>
            <translation>Zoom %1%</translation>
        </message>
        <message>
            <source>&amp;Theme</source>
            <translation>&amp;Theme</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Dark</translation>
        </message>
        <message>
            <source>High Contrast Dark</source>
            <translation>High Contrast Dark</translation>
        </message>
        <message>
            <source>High Contrast Light</source>
            <translation>High Contrast Light</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>System Language</source>
            <translation>System Language</translation>
        </message>
        <message>
            <source>What Am I &amp;Looking At?</source>
            <translation>What Am I &amp;Looking At?</translation>
        </message>
        <message>
            <source>System Language (%1)</source>
            <translation>System Language (%1)</translation>
        </message>
        <message>
            <source>No translations for %1</source>
            <translation>No translations for %1</translation>
        </message>
        <message>
            <source>There is no operation log: this window has no timeline.</source>
            <translation>There is no operation log: this window has no timeline.</translation>
        </message>
        <message>
            <source>PNG image (*.png)</source>
            <translation>PNG image (*.png)</translation>
        </message>
        <message>
            <source>Export View</source>
            <translation>Export View</translation>
        </message>
        <message>
            <source>SVG drawing (*.svg)</source>
            <translation>SVG drawing (*.svg)</translation>
        </message>
        <message>
            <source>Exported %1</source>
            <translation>Exported %1</translation>
        </message>
        <message>
            <source>Export Operation Log</source>
            <translation>Export Operation Log</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::Demo</name>
        <message>
            <source>Demo layout: %1</source>
            <translation>Demo layout: %1</translation>
        </message>
        <message>
            <source>shm_a</source>
            <translation>shm_a</translation>
        </message>
        <message>
            <source>shm_b</source>
            <translation>shm_b</translation>
        </message>
        <message>
            <source>Demo: no lock (%1); animating in-process</source>
            <translation>Demo: no lock (%1); animating in-process</translation>
        </message>
        <message>
            <source>counter %1</source>
            <translation>counter %1</translation>
        </message>
        <message>
            <source>array writer</source>
            <translation>array writer</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::ExperimentPanel</name>
        <message>
            <source>Open file…</source>
            <translation>Open file…</translation>
        </message>
        <message>
            <source>Open your own experiment (JSON; the format is in the README)</source>
            <translation>Open your own experiment (JSON; the format is in the README)</translation>
        </message>
        <message>
            <source>Cannot prepare the experiment</source>
            <translation>Cannot prepare the experiment</translation>
        </message>
        <message>
            <source>This experiment file has a fault</source>
            <translation>This experiment file has a fault</translation>
        </message>
        <message>
            <source>%1 cannot be opened as an experiment.</source>
            <translation>%1 cannot be opened as an experiment.</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Open an experiment</source>
            <translation>Open an experiment</translation>
        </message>
        <message>
            <source>Experiments (*.json);;All files (*)</source>
            <translation>Experiments (*.json);;All files (*)</translation>
        </message>
        <message>
            <source>Choose an experiment</source>
            <translation>Choose an experiment</translation>
        </message>
        <message>
            <source>Each one makes a lesson about shared memory visible, live.</source>
            <translation>Each one makes a lesson about shared memory visible, live.</translation>
        </message>
        <message>
            <source>▶  Run again</source>
            <translation>▶  Run again</translation>
        </message>
        <message>
            <source>▶  Start</source>
            <translation>▶  Start</translation>
        </message>
        <message>
            <source>■  Stop</source>
            <translation>■  Stop</translation>
        </message>
        <message>
            <source>Phase %1</source>
            <translation>Phase %1</translation>
        </message>
        <message>
            <source>&lt;span style='color:#9aa3b2'&gt;Phases&lt;/span&gt;</source>
            <translation>&lt;span style='color:#9aa3b2'&gt;Phases&lt;/span&gt;</translation>
        </message>
        <message>
            <source>Running phase %1 of %2…</source>
            <translation>Running phase %1 of %2…</translation>
        </message>
        <message>
            <source>Finished: as expected.</source>
            <translation>Finished: as expected.</translation>
        </message>
        <message>
            <source>Finished: not as expected.</source>
            <translation>Finished: not as expected.</translation>
        </message>
        <message>
            <source>Ready: the initial state is in shared memory.</source>
            <translation>Ready: the initial state is in shared memory.</translation>
        </message>
        <message>
            <source>&lt;b style='color:%1'&gt;Outcome — as expected&lt;/b&gt;</source>
            <translation>&lt;b style='color:%1'&gt;Outcome — as expected&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b style='color:%1'&gt;Outcome — not as expected&lt;/b&gt;</source>
            <translation>&lt;b style='color:%1'&gt;Outcome — not as expected&lt;/b&gt;</translation>
        </message>
        <message>
            <source>%1 ms, %2 operations logged</source>
            <translation>%1 ms, %2 operations logged</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::LaunchDialog</name>
        <message>
            <source>Launch a process</source>
            <translation>Launch a process</translation>
        </message>
        <message>
            <source>segment name</source>
            <translation>segment name</translation>
        </message>
        <message>
            <source>counter:i; temps:d[4]</source>
            <translation>counter:i; temps:d[4]</translation>
        </message>
        <message>
            <source>field name</source>
            <translation>field name</translation>
        </message>
        <message>
            <source>none: no lock</source>
            <translation>none: no lock</translation>
        </message>
        <message>
            <source>sync object name</source>
            <translation>sync object name</translation>
        </message>
        <message>
            <source>Semaphore counting empty slots</source>
            <translation>Semaphore counting empty slots</translation>
        </message>
        <message>
            <source>Semaphore counting full slots</source>
            <translation>Semaphore counting full slots</translation>
        </message>
        <message>
            <source>Step mode: stop before each LOAD, ADD, STORE, ACQUIRE… until released</source>
            <translation>Step mode: stop before each LOAD, ADD, STORE, ACQUIRE… until released</translation>
        </message>
        <message>
            <source>Die by SIGKILL while holding the lock</source>
            <translation>Die by SIGKILL while holding the lock</translation>
        </message>
        <message>
            <source>Start this many identical workers at once (two counters show the race)</source>
            <translation>Start this many identical workers at once (two counters show the race)</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>&amp;Kind:</translation>
        </message>
        <message>
            <source>&amp;Segment:</source>
            <translation>&amp;Segment:</translation>
        </message>
        <message>
            <source>La&amp;yout:</source>
            <translation>La&amp;yout:</translation>
        </message>
        <message>
            <source>&amp;Field:</source>
            <translation>&amp;Field:</translation>
        </message>
        <message>
            <source>&amp;Lock:</source>
            <translation>&amp;Lock:</translation>
        </message>
        <message>
            <source>&amp;Object:</source>
            <translation>&amp;Object:</translation>
        </message>
        <message>
            <source>Empty slots:</source>
            <translation>Empty slots:</translation>
        </message>
        <message>
            <source>Full slots:</source>
            <translation>Full slots:</translation>
        </message>
        <message>
            <source>Count:</source>
            <translation>Count:</translation>
        </message>
        <message>
            <source>Time:</source>
            <translation>Time:</translation>
        </message>
        <message>
            <source>&amp;Copies:</source>
            <translation>&amp;Copies:</translation>
        </message>
        <message>
            <source>&amp;Worker</source>
            <translation>&amp;Worker</translation>
        </message>
        <message>
            <source>python3 script.py psm_1a2b3c4d</source>
            <translation>python3 script.py psm_1a2b3c4d</translation>
        </message>
        <message>
            <source>Any program with its arguments. It is started directly, not through a shell: use double quotes for arguments with spaces; pipes, redirections and $VARIABLES are passed as plain text.</source>
            <translation>Any program with its arguments. It is started directly, not through a shell: use double quotes for arguments with spaces; pipes, redirections and $VARIABLES are passed as plain text.</translation>
        </message>
        <message>
            <source>Any &amp;command</source>
            <translation>Any &amp;command</translation>
        </message>
        <message>
            <source>&amp;Launch</source>
            <translation>&amp;Launch</translation>
        </message>
        <message>
            <source>Will run:</source>
            <translation>Will run:</translation>
        </message>
        <message>
            <source>&amp;Lock (optional):</source>
            <translation>&amp;Lock (optional):</translation>
        </message>
        <message>
            <source>Type a command line.</source>
            <translation>Type a command line.</translation>
        </message>
        <message>
            <source>Pick a worker kind.</source>
            <translation>Pick a worker kind.</translation>
        </message>
        <message>
            <source>Segment: pick or type one (create it in the Segments panel first).</source>
            <translation>Segment: pick or type one (create it in the Segments panel first).</translation>
        </message>
        <message>
            <source>Layout: the worker needs the segment's layout to find its field.</source>
            <translation>Layout: the worker needs the segment's layout to find its field.</translation>
        </message>
        <message>
            <source>Layout: %1</source>
            <translation>Layout: %1</translation>
        </message>
        <message>
            <source>Field: pick the field to work on.</source>
            <translation>Field: pick the field to work on.</translation>
        </message>
        <message>
            <source>Lock: the holder needs a Lock to hold (create one in the Sync panel).</source>
            <translation>Lock: the holder needs a Lock to hold (create one in the Sync panel).</translation>
        </message>
        <message>
            <source>Object: name the %1 to use.</source>
            <translation>Object: name the %1 to use.</translation>
        </message>
        <message>
            <source>Semaphores: the ring buffer needs one for empty and one for full slots.</source>
            <translation>Semaphores: the ring buffer needs one for empty and one for full slots.</translation>
        </message>
        <message>
            <source>program %1, arguments %2</source>
            <translation>program %1, arguments %2</translation>
        </message>
        <message>
            <source>%1 × %2</source>
            <translation>%1 × %2</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::LayoutEditor</name>
        <message>
            <source>Field</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Value / Array</source>
            <translation>Value / Array</translation>
        </message>
        <message>
            <source>C type</source>
            <translation>C type</translation>
        </message>
        <message>
            <source>Offset</source>
            <translation>Offset</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>Byte offset, aligned like a ctypes Structure</source>
            <translation>Byte offset, aligned like a ctypes Structure</translation>
        </message>
        <message>
            <source>Add field</source>
            <translation>Add field</translation>
        </message>
        <message>
            <source>Add a field at the end</source>
            <translation>Add a field at the end</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Remove the selected field</source>
            <translation>Remove the selected field</translation>
        </message>
        <message>
            <source>Up</source>
            <translation>Up</translation>
        </message>
        <message>
            <source>Move the selected field up</source>
            <translation>Move the selected field up</translation>
        </message>
        <message>
            <source>Down</source>
            <translation>Down</translation>
        </message>
        <message>
            <source>Move the selected field down</source>
            <translation>Move the selected field down</translation>
        </message>
        <message>
            <source>counter:i; temps:d[3]; name:c[16]   (empty: raw bytes)</source>
            <translation>counter:i; temps:d[3]; name:c[16]   (empty: raw bytes)</translation>
        </message>
        <message>
            <source>The same layout as text, as shmscope-cli and the workers take it. Edit either the table or the text.</source>
            <translation>The same layout as text, as shmscope-cli and the workers take it. Edit either the table or the text.</translation>
        </message>
        <message>
            <source>As text:</source>
            <translation>As text:</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>Array[</source>
            <translation>Array[</translation>
        </message>
        <message>
            <source>Value: one element (Value('i')). Array[n]: n elements (Array('i', n)); an Array is one-dimensional.</source>
            <translation>Value: one element (Value('i')). Array[n]: n elements (Array('i', n)); an Array is one-dimensional.</translation>
        </message>
        <message>
            <source>text %1</source>
            <translation>text %1</translation>
        </message>
        <message>
            <source>invalid</source>
            <translation>invalid</translation>
        </message>
        <message>
            <source>Field %1 has no name.</source>
            <translation>Field %1 has no name.</translation>
        </message>
        <message>
            <source>Field %1 (%2): %3</source>
            <translation>Field %1 (%2): %3</translation>
        </message>
        <message>
            <source>no fields: raw bytes</source>
            <translation>no fields: raw bytes</translation>
        </message>
        <message numerus="yes">
            <source>%n field(s), %1 bytes</source>
            <translation>
                <numerusform>%n field(s), %1 bytes</numerusform>
                <numerusform>%n field(s), %1 bytes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ShmScope::MainWindow</name>
        <message>
            <source>ShmScope</source>
            <translation>ShmScope</translation>
        </message>
        <message>
            <source>Wrote offset %1</source>
            <translation>Wrote offset %1</translation>
        </message>
        <message>
            <source>Wrapped: %1</source>
            <translation>Wrapped: %1</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;New Segment…</source>
            <translation>&amp;New Segment…</translation>
        </message>
        <message>
            <source>&amp;Attach…</source>
            <translation>&amp;Attach…</translation>
        </message>
        <message>
            <source>&amp;Close Segment</source>
            <translation>&amp;Close Segment</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>&amp;Display Mode</source>
            <translation>&amp;Display Mode</translation>
        </message>
        <message>
            <source>&amp;Poll Rate</source>
            <translation>&amp;Poll Rate</translation>
        </message>
        <message>
            <source>%1 Hz</source>
            <translation>%1 Hz</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;About ShmScope</source>
            <translation>&amp;About ShmScope</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>About &amp;Qt</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>Main</translation>
        </message>
        <message>
            <source>  &lt;b&gt;ShmScope&lt;/b&gt;  </source>
            <translation>  &lt;b&gt;ShmScope&lt;/b&gt;  </translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source> Poll </source>
            <translation> Poll </translation>
        </message>
        <message>
            <source> Hz</source>
            <translation> Hz</translation>
        </message>
        <message>
            <source>How often the visible bytes, the typed values and the sync objects are read</source>
            <translation>How often the visible bytes, the typed values and the sync objects are read</translation>
        </message>
        <message>
            <source>Typed Values</source>
            <translation>Typed Values</translation>
        </message>
        <message>
            <source>Blocks</source>
            <translation>Blocks</translation>
        </message>
        <message>
            <source>Segments</source>
            <translation>Segments</translation>
        </message>
        <message>
            <source>Sync Objects</source>
            <translation>Sync Objects</translation>
        </message>
        <message>
            <source>Processes</source>
            <translation>Processes</translation>
        </message>
        <message>
            <source>%1 — ShmScope</source>
            <translation>%1 — ShmScope</translation>
        </message>
        <message>
            <source>● polling %1 Hz</source>
            <translation>● polling %1 Hz</translation>
        </message>
        <message>
            <source>no segment</source>
            <translation>no segment</translation>
        </message>
        <message>
            <source>%1  ·  %2  ·  %3 bytes</source>
            <translation>%1  ·  %2  ·  %3 bytes</translation>
        </message>
        <message>
            <source>  ·  unlinked, still mapped</source>
            <translation>  ·  unlinked, still mapped</translation>
        </message>
        <message>
            <source>  ·  now %1 bytes (truncated)</source>
            <translation>  ·  now %1 bytes (truncated)</translation>
        </message>
        <message>
            <source>no change yet</source>
            <translation>no change yet</translation>
        </message>
        <message>
            <source>last change %1 s ago  ·  %2 changes</source>
            <translation>last change %1 s ago  ·  %2 changes</translation>
        </message>
        <message>
            <source>no experiment is open</source>
            <translation>no experiment is open</translation>
        </message>
        <message>
            <source>no stepped worker is waiting after %1 steps</source>
            <translation>no stepped worker is waiting after %1 steps</translation>
        </message>
        <message>
            <source>The timeline has no record of %1 at that moment</source>
            <translation>The timeline has no record of %1 at that moment</translation>
        </message>
        <message>
            <source>  ·  showing the past (timeline scrubbed back)</source>
            <translation>  ·  showing the past (timeline scrubbed back)</translation>
        </message>
        <message>
            <source>HEX</source>
            <translation>HEX</translation>
        </message>
        <message>
            <source>DEC</source>
            <translation>DEC</translation>
        </message>
        <message>
            <source>BIN</source>
            <translation>BIN</translation>
        </message>
        <message>
            <source>ASCII</source>
            <translation>ASCII</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::ProcessManager</name>
        <message>
            <source>The command line is empty.</source>
            <translation>The command line is empty.</translation>
        </message>
        <message>
            <source>Cannot start "%1": %2</source>
            <translation>Cannot start "%1": %2</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::ProcessModel</name>
        <message>
            <source>PID</source>
            <translation>PID</translation>
        </message>
        <message>
            <source>Process</source>
            <translation>Process</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Ops/s</source>
            <translation>Ops/s</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progress</translation>
        </message>
        <message>
            <source>Last output</source>
            <translation>Last output</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::ProcessesPanel</name>
        <message>
            <source>&amp;Launch…</source>
            <translation>&amp;Launch…</translation>
        </message>
        <message>
            <source>Start a worker or any command</source>
            <translation>Start a worker or any command</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>&amp;Pause</translation>
        </message>
        <message>
            <source>Stop the process with SIGSTOP</source>
            <translation>Stop the process with SIGSTOP</translation>
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation>&amp;Resume</translation>
        </message>
        <message>
            <source>Continue it with SIGCONT</source>
            <translation>Continue it with SIGCONT</translation>
        </message>
        <message>
            <source>&amp;Kill</source>
            <translation>&amp;Kill</translation>
        </message>
        <message>
            <source>End it at once with SIGKILL</source>
            <translation>End it at once with SIGKILL</translation>
        </message>
        <message>
            <source>Clear finished</source>
            <translation>Clear finished</translation>
        </message>
        <message>
            <source>Remove the processes that ended</source>
            <translation>Remove the processes that ended</translation>
        </message>
        <message>
            <source>Show or hide the output</source>
            <translation>Show or hide the output</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>Output</translation>
        </message>
        <message>
            <source>Select a process to see its output.</source>
            <translation>Select a process to see its output.</translation>
        </message>
        <message>
            <source>Output of %1 (pid %2): %3</source>
            <translation>Output of %1 (pid %2): %3</translation>
        </message>
        <message>
            <source>Started %1</source>
            <translation>Started %1</translation>
        </message>
        <message>
            <source>Started %1 × %2</source>
            <translation>Started %1 × %2</translation>
        </message>
        <message>
            <source>Paused pid %1 (SIGSTOP)</source>
            <translation>Paused pid %1 (SIGSTOP)</translation>
        </message>
        <message>
            <source>Resumed pid %1 (SIGCONT)</source>
            <translation>Resumed pid %1 (SIGCONT)</translation>
        </message>
        <message>
            <source>Killed pid %1 (SIGKILL)</source>
            <translation>Killed pid %1 (SIGKILL)</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::SegmentDialog</name>
        <message>
            <source>New shared-memory segment</source>
            <translation>New shared-memory segment</translation>
        </message>
        <message>
            <source>Attach to a segment</source>
            <translation>Attach to a segment</translation>
        </message>
        <message>
            <source>e.g. demo (a leading / is optional)</source>
            <translation>e.g. demo (a leading / is optional)</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source> bytes</source>
            <translation> bytes</translation>
        </message>
        <message>
            <source>from the layout</source>
            <translation>from the layout</translation>
        </message>
        <message>
            <source>Exactly the layout's size, padded like a ctypes Structure</source>
            <translation>Exactly the layout's size, padded like a ctypes Structure</translation>
        </message>
        <message>
            <source>&amp;Size:</source>
            <translation>&amp;Size:</translation>
        </message>
        <message>
            <source>a name in /dev/shm, e.g. psm_1a2b3c4d</source>
            <translation>a name in /dev/shm, e.g. psm_1a2b3c4d</translation>
        </message>
        <message>
            <source>Size:</source>
            <translation>Size:</translation>
        </message>
        <message>
            <source>Read-only (watch without being able to write)</source>
            <translation>Read-only (watch without being able to write)</translation>
        </message>
        <message>
            <source>POSIX shm name: not empty, no '/' inside, at most 255 bytes</source>
            <translation>POSIX shm name: not empty, no '/' inside, at most 255 bytes</translation>
        </message>
        <message>
            <source>Layout</source>
            <translation>Layout</translation>
        </message>
        <message>
            <source>Layout (how to read the bytes; optional)</source>
            <translation>Layout (how to read the bytes; optional)</translation>
        </message>
        <message>
            <source>Create</source>
            <translation>Create</translation>
        </message>
        <message>
            <source>Attach</source>
            <translation>Attach</translation>
        </message>
        <message>
            <source>%1 bytes</source>
            <translation>%1 bytes</translation>
        </message>
        <message>
            <source>Fields past byte %1 lie beyond the end of the segment: they will be reported, not read.</source>
            <translation>Fields past byte %1 lie beyond the end of the segment: they will be reported, not read.</translation>
        </message>
        <message>
            <source>Creates /dev/shm/%1: %2 bytes, mode 0600, all zero.</source>
            <translation>Creates /dev/shm/%1: %2 bytes, mode 0600, all zero.</translation>
        </message>
        <message>
            <source>Name: enter a name.</source>
            <translation>Name: enter a name.</translation>
        </message>
        <message>
            <source>Name: %1</source>
            <translation>Name: %1</translation>
        </message>
        <message>
            <source>Name: /dev/shm/%1 already exists (Python: FileExistsError). Attach to it instead, or pick another name.</source>
            <translation>Name: /dev/shm/%1 already exists (Python: FileExistsError). Attach to it instead, or pick another name.</translation>
        </message>
        <message>
            <source>Name: there is no segment named %1 (Python: FileNotFoundError).</source>
            <translation>Name: there is no segment named %1 (Python: FileNotFoundError).</translation>
        </message>
        <message>
            <source>Layout: %1</source>
            <translation>Layout: %1</translation>
        </message>
        <message>
            <source>Size: the layout has no fields; untick "from the layout" and give a size.</source>
            <translation>Size: the layout has no fields; untick "from the layout" and give a size.</translation>
        </message>
        <message>
            <source>Size: must be a positive number different from zero (Python: ValueError).</source>
            <translation>Size: must be a positive number different from zero (Python: ValueError).</translation>
        </message>
        <message>
            <source>Size: the layout needs %1 bytes, more than %2.</source>
            <translation>Size: the layout needs %1 bytes, more than %2.</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::SegmentsPanel</name>
        <message>
            <source>&amp;New…</source>
            <translation>&amp;New…</translation>
        </message>
        <message>
            <source>Create a shared-memory segment with a layout</source>
            <translation>Create a shared-memory segment with a layout</translation>
        </message>
        <message>
            <source>&amp;Attach…</source>
            <translation>&amp;Attach…</translation>
        </message>
        <message>
            <source>Open a handle on an existing segment by name</source>
            <translation>Open a handle on an existing segment by name</translation>
        </message>
        <message>
            <source>Another &amp;handle</source>
            <translation>Another &amp;handle</translation>
        </message>
        <message>
            <source>Map the selected block a second time, at another address (the seed's shm_b)</source>
            <translation>Map the selected block a second time, at another address (the seed's shm_b)</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Close</translation>
        </message>
        <message>
            <source>Unmap this handle; the segment stays in /dev/shm</source>
            <translation>Unmap this handle; the segment stays in /dev/shm</translation>
        </message>
        <message>
            <source>&amp;Unlink…</source>
            <translation>&amp;Unlink…</translation>
        </message>
        <message>
            <source>Remove the name of a segment this window created (mapped handles keep working)</source>
            <translation>Remove the name of a segment this window created (mapped handles keep working)</translation>
        </message>
        <message>
            <source>Handle</source>
            <translation>Handle</translation>
        </message>
        <message>
            <source>Segment</source>
            <translation>Segment</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>Address here</source>
            <translation>Address here</translation>
        </message>
        <message>
            <source>Inode</source>
            <translation>Inode</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Layout</source>
            <translation>Layout</translation>
        </message>
        <message>
            <source>Filter: name, kind, owner, pid or command (e.g. psm_)</source>
            <translation>Filter: name, kind, owner, pid or command (e.g. psm_)</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 of %2</translation>
        </message>
        <message>
            <source>In this window</source>
            <translation>In this window</translation>
        </message>
        <message>
            <source>All of /dev/shm</source>
            <translation>All of /dev/shm</translation>
        </message>
        <message>
            <source>1 segment</source>
            <translation>1 segment</translation>
        </message>
        <message>
            <source>%1 segments</source>
            <translation>%1 segments</translation>
        </message>
        <message>
            <source>created here</source>
            <translation>created here</translation>
        </message>
        <message>
            <source>attached</source>
            <translation>attached</translation>
        </message>
        <message>
            <source>, read-only</source>
            <translation>, read-only</translation>
        </message>
        <message>
            <source>, unlinked (still mapped)</source>
            <translation>, unlinked (still mapped)</translation>
        </message>
        <message>
            <source>, now %1 bytes (truncated by another process)</source>
            <translation>, now %1 bytes (truncated by another process)</translation>
        </message>
        <message>
            <source>%1 bytes</source>
            <translation>%1 bytes</translation>
        </message>
        <message>
            <source>Where this handle maps the block in this process: two handles on one block have two addresses</source>
            <translation>Where this handle maps the block in this process: two handles on one block have two addresses</translation>
        </message>
        <message>
            <source>raw bytes</source>
            <translation>raw bytes</translation>
        </message>
        <message>
            <source>This window only attached to %1: it is not ours to unlink</source>
            <translation>This window only attached to %1: it is not ours to unlink</translation>
        </message>
        <message>
            <source>Created %1</source>
            <translation>Created %1</translation>
        </message>
        <message>
            <source>Attached to %1</source>
            <translation>Attached to %1</translation>
        </message>
        <message>
            <source>Another handle</source>
            <translation>Another handle</translation>
        </message>
        <message>
            <source>%1: another handle on %2, at another address</source>
            <translation>%1: another handle on %2, at another address</translation>
        </message>
        <message>
            <source>Unlink %1?</source>
            <translation>Unlink %1?</translation>
        </message>
        <message>
            <source>Remove the name /dev/shm/%1?

Handles that map it (here and in other processes) keep working until they close; nobody can attach to it by name any more.</source>
            <translation>Remove the name /dev/shm/%1?

Handles that map it (here and in other processes) keep working until they close; nobody can attach to it by name any more.</translation>
        </message>
        <message>
            <source>Unlink</source>
            <translation>Unlink</translation>
        </message>
        <message>
            <source>Unlinked %1 (still mapped here)</source>
            <translation>Unlinked %1 (still mapped here)</translation>
        </message>
        <message>
            <source>Attach to %1…</source>
            <translation>Attach to %1…</translation>
        </message>
        <message>
            <source>Unlink %1…</source>
            <translation>Unlink %1…</translation>
        </message>
        <message>
            <source>Unlink %1 (attached here, not ours)</source>
            <translation>Unlink %1 (attached here, not ours)</translation>
        </message>
        <message>
            <source>Remove /dev/shm/%1? No process maps it now: its bytes are gone for good.</source>
            <translation>Remove /dev/shm/%1? No process maps it now: its bytes are gone for good.</translation>
        </message>
        <message>
            <source>Remove /dev/shm/%1?

It is mapped by: %2.
They keep working, but nobody can attach to it by name any more.</source>
            <translation>Remove /dev/shm/%1?

It is mapped by: %2.
They keep working, but nobody can attach to it by name any more.</translation>
        </message>
        <message>
            <source>Unlinked %1</source>
            <translation>Unlinked %1</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::StepControllerPanel</name>
        <message>
            <source>Your prediction:</source>
            <translation>Your prediction:</translation>
        </message>
        <message>
            <source>a number</source>
            <translation>a number</translation>
        </message>
        <message>
            <source>Lock in</source>
            <translation>Lock in</translation>
        </message>
        <message>
            <source>Step all (round robin)   [Space]</source>
            <translation>Step all (round robin)   [Space]</translation>
        </message>
        <message>
            <source>▶  Run</source>
            <translation>▶  Run</translation>
        </message>
        <message>
            <source>Steps per second while running</source>
            <translation>Steps per second while running</translation>
        </message>
        <message>
            <source>⟲  Reset</source>
            <translation>⟲  Reset</translation>
        </message>
        <message>
            <source>Kill the workers and recreate the initial state</source>
            <translation>Kill the workers and recreate the initial state</translation>
        </message>
        <message>
            <source>Speed</source>
            <translation>Speed</translation>
        </message>
        <message>
            <source>%1 &lt;span style='font-size:11pt; color:#868e9c; font-weight:normal'&gt;pid %2&lt;/span&gt;</source>
            <translation>%1 &lt;span style='font-size:11pt; color:#868e9c; font-weight:normal'&gt;pid %2&lt;/span&gt;</translation>
        </message>
        <message>
            <source>private r = &lt;span style='color:#868e9c'&gt;?&lt;/span&gt;</source>
            <translation>private r = &lt;span style='color:#868e9c'&gt;?&lt;/span&gt;</translation>
        </message>
        <message>
            <source>private %1 = &lt;b&gt;%2&lt;/b&gt;</source>
            <translation>private %1 = &lt;b&gt;%2&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Step %1   [%2]</source>
            <translation>Step %1   [%2]</translation>
        </message>
        <message>
            <source>Step %1</source>
            <translation>Step %1</translation>
        </message>
        <message numerus="yes">
            <source>%n step(s)/s</source>
            <translation>
                <numerusform>%n step(s)/s</numerusform>
                <numerusform>%n step(s)/s</numerusform>
            </translation>
        </message>
        <message>
            <source>This experiment runs without stepping.
Start it in the Experiment panel.</source>
            <translation>This experiment runs without stepping.
Start it in the Experiment panel.</translation>
        </message>
        <message>
            <source>Open an experiment with stepping workers
(e.g. 4: the lost update).</source>
            <translation>Open an experiment with stepping workers
(e.g. 4: the lost update).</translation>
        </message>
        <message>
            <source>&lt;b&gt;Predict.&lt;/b&gt; %1</source>
            <translation>&lt;b&gt;Predict.&lt;/b&gt; %1</translation>
        </message>
        <message>
            <source>&lt;span style='color:#868e9c'&gt;locked in — now run it&lt;/span&gt;</source>
            <translation>&lt;span style='color:#868e9c'&gt;locked in — now run it&lt;/span&gt;</translation>
        </message>
        <message>
            <source>&lt;span style='color:%1'&gt;Please write a number.&lt;/span&gt;</source>
            <translation>&lt;span style='color:%1'&gt;Please write a number.&lt;/span&gt;</translation>
        </message>
        <message>
            <source>No worker is waiting for a step.</source>
            <translation>No worker is waiting for a step.</translation>
        </message>
        <message>
            <source>⏸  Pause</source>
            <translation>⏸  Pause</translation>
        </message>
        <message>
            <source>Reset failed: %1</source>
            <translation>Reset failed: %1</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::SteppingModel</name>
        <message>
            <source>not started</source>
            <translation>not started</translation>
        </message>
        <message>
            <source>running</source>
            <translation>running</translation>
        </message>
        <message>
            <source>waiting</source>
            <translation>waiting</translation>
        </message>
        <message>
            <source>done</source>
            <translation>done</translation>
        </message>
        <message>
            <source>gone</source>
            <translation>gone</translation>
        </message>
        <message>
            <source>%1 (pid %2): %3</source>
            <translation>%1 (pid %2): %3</translation>
        </message>
        <message>
            <source>Worker</source>
            <translation>Worker</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Next step</source>
            <translation>Next step</translation>
        </message>
        <message>
            <source>Register</source>
            <translation>Register</translation>
        </message>
        <message>
            <source>Steps done</source>
            <translation>Steps done</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::SyncPanel</name>
        <message>
            <source>name, e.g. counter-lock</source>
            <translation>name, e.g. counter-lock</translation>
        </message>
        <message>
            <source>Semaphore: initial count. BoundedSemaphore: initial = maximum. Barrier: parties.</source>
            <translation>Semaphore: initial count. BoundedSemaphore: initial = maximum. Barrier: parties.</translation>
        </message>
        <message>
            <source>Create</source>
            <translation>Create</translation>
        </message>
        <message>
            <source>Remove…</source>
            <translation>Remove…</translation>
        </message>
        <message>
            <source>Remove the selected object's name (like sem_unlink): processes using it keep it</source>
            <translation>Remove the selected object's name (like sem_unlink): processes using it keep it</translation>
        </message>
        <message>
            <source>parties </source>
            <translation>parties </translation>
        </message>
        <message>
            <source>count </source>
            <translation>count </translation>
        </message>
        <message>
            <source>1 object</source>
            <translation>1 object</translation>
        </message>
        <message>
            <source>%1 objects</source>
            <translation>%1 objects</translation>
        </message>
        <message>
            <source>%1 held</source>
            <translation>%1 held</translation>
        </message>
        <message>
            <source>%1 waiting</source>
            <translation>%1 waiting</translation>
        </message>
        <message>
            <source>%1 recovered from a dead owner</source>
            <translation>%1 recovered from a dead owner</translation>
        </message>
        <message>
            <source>No sync objects yet: create one below, or start a worker with --lock NAME.</source>
            <translation>No sync objects yet: create one below, or start a worker with --lock NAME.</translation>
        </message>
        <message>
            <source>Created %1 %2</source>
            <translation>Created %1 %2</translation>
        </message>
        <message>
            <source>Give the object a name.</source>
            <translation>Give the object a name.</translation>
        </message>
        <message>
            <source>Remove %1?</source>
            <translation>Remove %1?</translation>
        </message>
        <message>
            <source>Remove the sync object %1? Processes that have it open keep using it; nobody can open it by name any more.</source>
            <translation>Remove the sync object %1? Processes that have it open keep using it; nobody can open it by name any more.</translation>
        </message>
        <message>
            <source>Removed %1</source>
            <translation>Removed %1</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::SyncStateModel</name>
        <message>
            <source>open</source>
            <translation>open</translation>
        </message>
        <message>
            <source>free</source>
            <translation>free</translation>
        </message>
        <message>
            <source>held ×%1</source>
            <translation>held ×%1</translation>
        </message>
        <message>
            <source>held</source>
            <translation>held</translation>
        </message>
        <message>
            <source>owner died</source>
            <translation>owner died</translation>
        </message>
        <message>
            <source>set</source>
            <translation>set</translation>
        </message>
        <message>
            <source>clear</source>
            <translation>clear</translation>
        </message>
        <message>
            <source>%1 available</source>
            <translation>%1 available</translation>
        </message>
        <message>
            <source>0 — blocks</source>
            <translation>0 — blocks</translation>
        </message>
        <message>
            <source>%1 of %2 waiting</source>
            <translation>%1 of %2 waiting</translation>
        </message>
        <message>
            <source>broken</source>
            <translation>broken</translation>
        </message>
        <message>
            <source>%1 (dead)</source>
            <translation>%1 (dead)</translation>
        </message>
        <message>
            <source>%1/%2, round %3</source>
            <translation>%1/%2, round %3</translation>
        </message>
        <message>
            <source>held by pid %1%2</source>
            <translation>held by pid %1%2</translation>
        </message>
        <message>
            <source>, which died holding it</source>
            <translation>, which died holding it</translation>
        </message>
        <message numerus="yes">
            <source>recovered %n time(s) from a dead owner (last: pid %1) — Python's own lock would hang here</source>
            <translation>
                <numerusform>recovered %n time(s) from a dead owner (last: pid %1) — Python's own lock would hang here</numerusform>
                <numerusform>recovered %n time(s) from a dead owner (last: pid %1) — Python's own lock would hang here</numerusform>
            </translation>
        </message>
        <message>
            <source>broken: the next wait raises BrokenBarrierError until reset</source>
            <translation>broken: the next wait raises BrokenBarrierError until reset</translation>
        </message>
        <message>
            <source>changing too fast to read in one piece; shown as last read</source>
            <translation>changing too fast to read in one piece; shown as last read</translation>
        </message>
        <message>
            <source>RLock: how many times its owner has acquired it</source>
            <translation>RLock: how many times its owner has acquired it</translation>
        </message>
        <message>
            <source>Processes blocked in acquire() or wait() right now</source>
            <translation>Processes blocked in acquire() or wait() right now</translation>
        </message>
        <message>
            <source>Acquires that found it taken and had to wait</source>
            <translation>Acquires that found it taken and had to wait</translation>
        </message>
        <message>
            <source>Times an acquirer found the owner dead (EOWNERDEAD) and recovered it</source>
            <translation>Times an acquirer found the owner dead (EOWNERDEAD) and recovered it</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Owner</translation>
        </message>
        <message>
            <source>Depth</source>
            <translation>Depth</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <source>Count</source>
            <translation>Count</translation>
        </message>
        <message>
            <source>Barrier</source>
            <translation>Barrier</translation>
        </message>
        <message>
            <source>Acquired</source>
            <translation>Acquired</translation>
        </message>
        <message>
            <source>Contended</source>
            <translation>Contended</translation>
        </message>
        <message>
            <source>Owner died</source>
            <translation>Owner died</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::TimelinePanel</name>
        <message>
            <source>● Live</source>
            <translation>● Live</translation>
        </message>
        <message>
            <source>Follow the newest moment (End); drag the scrubber or press ← → to go back in time</source>
            <translation>Follow the newest moment (End); drag the scrubber or press ← → to go back in time</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Export CSV…</translation>
        </message>
        <message>
            <source>Save every recorded operation as CSV, one line each</source>
            <translation>Save every recorded operation as CSV, one line each</translation>
        </message>
        <message>
            <source>%1 KiB</source>
            <translation>%1 KiB</translation>
        </message>
        <message>
            <source>%1 MiB</source>
            <translation>%1 MiB</translation>
        </message>
        <message>
            <source>%1 operations · history %2 of %3 MiB</source>
            <translation>%1 operations · history %2 of %3 MiB</translation>
        </message>
        <message>
            <source>&lt;span style='color:#868e9c'&gt;No history yet.&lt;/span&gt;</source>
            <translation>&lt;span style='color:#868e9c'&gt;No history yet.&lt;/span&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;now&lt;/b&gt;</source>
            <translation>&lt;b&gt;now&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b style='color:#ffd166'&gt;at %1&lt;/b&gt;</source>
            <translation>&lt;b style='color:#ffd166'&gt;at %1&lt;/b&gt;</translation>
        </message>
        <message>
            <source>%1: held by &lt;b&gt;%2&lt;/b&gt;</source>
            <translation>%1: held by &lt;b&gt;%2&lt;/b&gt;</translation>
        </message>
        <message>
            <source>%1: &lt;span style='color:#3fb950'&gt;free&lt;/span&gt;</source>
            <translation>%1: &lt;span style='color:#3fb950'&gt;free&lt;/span&gt;</translation>
        </message>
        <message>
            <source>Export the operation log</source>
            <translation>Export the operation log</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <source>Saved %1 operations to %2</source>
            <translation>Saved %1 operations to %2</translation>
        </message>
        <message>
            <source> · &lt;span style='color:#f85149'&gt;%1 lost to log overrun&lt;/span&gt;</source>
            <translation> · &lt;span style='color:#f85149'&gt;%1 lost to log overrun&lt;/span&gt;</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::TimelineView</name>
        <message>
            <source>The timeline fills as the experiment runs:
one lane per worker, one per lock.</source>
            <translation>The timeline fills as the experiment runs:
one lane per worker, one per lock.</translation>
        </message>
        <message>
            <source>live  </source>
            <translation>live  </translation>
        </message>
        <message>
            <source>polled ◆</source>
            <translation>polled ◆</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::TypeCodeCombo</name>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>C type</source>
            <translation>C type</translation>
        </message>
        <message>
            <source>Python</source>
            <translation>Python</translation>
        </message>
        <message>
            <source>Seed minimum</source>
            <translation>Seed minimum</translation>
        </message>
        <message>
            <source>Real size here</source>
            <translation>Real size here</translation>
        </message>
        <message numerus="yes">
            <source>%n byte(s)</source>
            <translation>
                <numerusform>%n byte(s)</numerusform>
                <numerusform>%n byte(s)</numerusform>
            </translation>
        </message>
        <message>
            <source>The seed's table says at least %1; on this machine it is %2.</source>
            <translation>The seed's table says at least %1; on this machine it is %2.</translation>
        </message>
        <message>
            <source>'%1': %2 in C, %3 in Python, %4 byte(s) here</source>
            <translation>'%1': %2 in C, %3 in Python, %4 byte(s) here</translation>
        </message>
        <message>
            <source>Python type code: C type, Python type, the seed's minimum size and the real size here</source>
            <translation>Python type code: C type, Python type, the seed's minimum size and the real size here</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::TypedValueModel</name>
        <message>
            <source>Beyond the end of the segment: not read</source>
            <translation>Beyond the end of the segment: not read</translation>
        </message>
        <message>
            <source>%1 at offset %2, bytes in memory (little-endian, least significant first): %3</source>
            <translation>%1 at offset %2, bytes in memory (little-endian, least significant first): %3</translation>
        </message>
        <message>
            <source>Wrapped: %1</source>
            <translation>Wrapped: %1</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>%1 is attached read-only: values cannot be edited</source>
            <translation>%1 is attached read-only: values cannot be edited</translation>
        </message>
        <message>
            <source>Could not write %1 bytes at offset %2 of %3</source>
            <translation>Could not write %1 bytes at offset %2 of %3</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>C type</source>
            <translation>C type</translation>
        </message>
        <message>
            <source>Offset</source>
            <translation>Offset</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Value</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::Workspace</name>
        <message>
            <source>No such handle</source>
            <translation>No such handle</translation>
        </message>
        <message>
            <source>%1 now names another block (it was unlinked and created again)</source>
            <translation>%1 now names another block (it was unlinked and created again)</translation>
        </message>
    </context>
    <context>
        <name>ViewExporter</name>
        <message>
            <source>There is nothing to export: the view has no size.</source>
            <translation>There is nothing to export: the view has no size.</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>Cannot write %1: %2</translation>
        </message>
        <message>
            <source>Exported from ShmScope</source>
            <translation>Exported from ShmScope</translation>
        </message>
        <message>
            <source>%1: choose a file name ending in .png or .svg</source>
            <translation>%1: choose a file name ending in .png or .svg</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Watch POSIX shared memory between processes while it happens. Without options: the built-in demo.</source>
            <translation>Watch POSIX shared memory between processes while it happens. Without options: the built-in demo.</translation>
        </message>
        <message>
            <source>Open segment NAME at launch.</source>
            <translation>Open segment NAME at launch.</translation>
        </message>
        <message>
            <source>Layout of the attached segment, e.g. "counter:i; values:d[4]".</source>
            <translation>Layout of the attached segment, e.g. "counter:i; values:d[4]".</translation>
        </message>
        <message>
            <source>Poll rate, 1–120 Hz (default 30).</source>
            <translation>Poll rate, 1–120 Hz (default 30).</translation>
        </message>
        <message>
            <source>Render the window offscreen to PNG FILE after the first poll, then exit.</source>
            <translation>Render the window offscreen to PNG FILE after the first poll, then exit.</translation>
        </message>
        <message>
            <source>Window size, e.g. 1440x900.</source>
            <translation>Window size, e.g. 1440x900.</translation>
        </message>
        <message>
            <source>Wait MS milliseconds after the first poll before capturing (default 0).</source>
            <translation>Wait MS milliseconds after the first poll before capturing (default 0).</translation>
        </message>
        <message>
            <source>unexpected argument '%1' (see --help)</source>
            <translation>unexpected argument '%1' (see --help)</translation>
        </message>
        <message>
            <source>--layout needs --attach NAME</source>
            <translation>--layout needs --attach NAME</translation>
        </message>
        <message>
            <source>--layout: %1</source>
            <translation>--layout: %1</translation>
        </message>
        <message>
            <source>--poll-hz %1: expected a whole number from %2 to %3</source>
            <translation>--poll-hz %1: expected a whole number from %2 to %3</translation>
        </message>
        <message>
            <source>--screenshot-delay %1: expected 0 to 10000 ms</source>
            <translation>--screenshot-delay %1: expected 0 to 10000 ms</translation>
        </message>
        <message>
            <source>User interface language: en or zh_CN (default: the saved choice, else the system's).</source>
            <translation>User interface language: en or zh_CN (default: the saved choice, else the system's).</translation>
        </message>
        <message>
            <source>Start in presentation mode (F5): large text, high contrast.</source>
            <translation>Start in presentation mode (F5): large text, high contrast.</translation>
        </message>
        <message>
            <source>--language %1: expected one of: %2</source>
            <translation>--language %1: expected one of: %2</translation>
        </message>
        <message>
            <source>Open a lesson instead of the demo: a built-in id or number, or a file.</source>
            <translation>Open a lesson instead of the demo: a built-in id or number, or a file.</translation>
        </message>
        <message>
            <source>With --experiment: start it and release N steps round robin (for slides).</source>
            <translation>With --experiment: start it and release N steps round robin (for slides).</translation>
        </message>
        <message>
            <source>--steps needs --experiment</source>
            <translation>--steps needs --experiment</translation>
        </message>
        <message>
            <source>--steps %1: expected 0 to 10000</source>
            <translation>--steps %1: expected 0 to 10000</translation>
        </message>
        <message>
            <source>give --attach or --experiment, not both</source>
            <translation>give --attach or --experiment, not both</translation>
        </message>
    </context>
</TS>
