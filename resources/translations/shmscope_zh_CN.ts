<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>LaunchDialog</name>
        <message>
            <source>Adds 1 to an integer field N times: LOAD, ADD, STORE. Without a lock two counters lose updates (seed 004).</source>
            <translation>把一个整数字段加 1，共 N 次：LOAD、ADD、STORE。不加锁时，两个计数器会丢失更新（种子 004）。</translation>
        </message>
        <message>
            <source>Increments:</source>
            <translation>递增次数：</translation>
        </message>
        <message>
            <source>Delay between LOAD and STORE (µs):</source>
            <translation>LOAD 与 STORE 之间的延迟（微秒）：</translation>
        </message>
        <message>
            <source>Writes an array field element by element, at a rate.</source>
            <translation>按设定的速率逐个元素写入数组字段。</translation>
        </message>
        <message>
            <source>Writes (0: until stopped):</source>
            <translation>写入次数（0：直到停止）：</translation>
        </message>
        <message>
            <source>Writes per second (0: as fast as possible):</source>
            <translation>每秒写入次数（0：尽可能快）：</translation>
        </message>
        <message>
            <source>Puts N items into a ring buffer (layout head:i; tail:i; items:q[16]) guarded by two semaphores and a lock.</source>
            <translation>向环形缓冲区放入 N 个数据项（布局 head:i; tail:i; items:q[16]），由两个信号量和一把锁保护。</translation>
        </message>
        <message>
            <source>Items:</source>
            <translation>数据项：</translation>
        </message>
        <message>
            <source>Pause after each item (µs):</source>
            <translation>每项之后暂停（微秒）：</translation>
        </message>
        <message>
            <source>Takes N items from the ring buffer.</source>
            <translation>从环形缓冲区取出 N 个数据项。</translation>
        </message>
        <message>
            <source>Waits at a Barrier for R rounds; optionally counts arrivals in a field.</source>
            <translation>在屏障处等待 R 轮；可选地在一个字段中统计到达次数。</translation>
        </message>
        <message>
            <source>Rounds:</source>
            <translation>轮数：</translation>
        </message>
        <message>
            <source>Work before each arrival (µs):</source>
            <translation>每次到达前的工作时间（微秒）：</translation>
        </message>
        <message>
            <source>Waits until an Event is set.</source>
            <translation>等待，直到事件被设置。</translation>
        </message>
        <message>
            <source>Sets an Event, after a delay.</source>
            <translation>延迟一段时间后设置事件。</translation>
        </message>
        <message>
            <source>Wait first (ms):</source>
            <translation>先等待（毫秒）：</translation>
        </message>
        <message>
            <source>Waits on a Condition until an integer field is at least 1 (Python's wait_for).</source>
            <translation>在条件变量上等待，直到某个整数字段至少为 1（即 Python 的 wait_for）。</translation>
        </message>
        <message>
            <source>Sets an integer field under a Condition's lock and notifies every waiter.</source>
            <translation>在条件变量的锁保护下设置一个整数字段，并通知所有等待者。</translation>
        </message>
        <message>
            <source>Holds a Lock for a time, N times; with --crash it dies holding it, and the next acquirer recovers it.</source>
            <translation>持有锁一段时间，共 N 次；加上 --crash 时它会在持锁期间死亡，由下一个获取者恢复该锁。</translation>
        </message>
        <message>
            <source>Times:</source>
            <translation>次数：</translation>
        </message>
        <message>
            <source>Hold for (ms):</source>
            <translation>持有时长（毫秒）：</translation>
        </message>
    </context>
    <context>
        <name>PanelHelp</name>
        <message>
            <source>&lt;b&gt;Typed values&lt;/b&gt;&lt;p&gt;The same bytes read as the fields of the layout: numbers, characters, arrays. Double-click a value to write a new one into shared memory; every process that maps the block sees it at once.&lt;/p&gt;</source>
            <translation>&lt;b&gt;类型化的值&lt;/b&gt;&lt;p&gt;同样的字节，按布局中的字段来读：数字、字符、数组。双击一个值即可向共享内存写入新值；映射了这块内存的每个进程都会立即看到。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Blocks&lt;/b&gt;&lt;p&gt;One block of shared memory and every process that has it mapped. Each process sees the block at its own address, yet they all touch the same physical pages: a write by one is a write for all.&lt;/p&gt;</source>
            <translation>&lt;b&gt;内存块&lt;/b&gt;&lt;p&gt;一块共享内存，以及映射了它的每个进程。每个进程在自己的地址上看到这块内存，但它们访问的是同一批物理页：一个进程写入，所有进程都看得到。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Segments&lt;/b&gt;&lt;p&gt;The named blocks in /dev/shm, with their size, owner and permissions, and the processes that map them. Create, attach or unlink a segment here.&lt;/p&gt;</source>
            <translation>&lt;b&gt;共享内存段&lt;/b&gt;&lt;p&gt;/dev/shm 中有名字的内存块，包括大小、所有者、权限以及映射它们的进程。可在此创建、附加或删除（unlink）共享内存段。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Sync objects&lt;/b&gt;&lt;p&gt;Locks, semaphores, events, conditions and barriers that live in shared memory: who holds each lock, who waits, how often there was contention.&lt;/p&gt;</source>
            <translation>&lt;b&gt;同步对象&lt;/b&gt;&lt;p&gt;位于共享内存中的锁、信号量、事件、条件变量和屏障：谁持有每把锁、谁在等待、发生过多少次争用。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Processes&lt;/b&gt;&lt;p&gt;The workers this window started: what each one runs, whether it is alive, and its output. Start new workers or end them here.&lt;/p&gt;</source>
            <translation>&lt;b&gt;进程&lt;/b&gt;&lt;p&gt;本窗口启动的工作进程：每个进程运行什么、是否存活，以及它的输出。可在此启动新的工作进程或结束它们。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Experiment&lt;/b&gt;&lt;p&gt;The lesson: what will happen, the phases, and the outcome — whether what the class predicted really happened.&lt;/p&gt;</source>
            <translation>&lt;b&gt;实验&lt;/b&gt;&lt;p&gt;本节课的内容：将会发生什么、各个阶段，以及结果——全班的预测是否真的发生了。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Step through&lt;/b&gt;&lt;p&gt;Each worker's program as cards, with the next step lit. Step one worker at a time to see how a read and a write of two processes interleave and how an update can be lost.&lt;/p&gt;</source>
            <translation>&lt;b&gt;单步执行&lt;/b&gt;&lt;p&gt;每个工作进程的程序显示为一张卡片，下一步高亮显示。每次让一个工作进程前进一步，观察两个进程的读和写如何交错，以及更新如何丢失。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Timeline&lt;/b&gt;&lt;p&gt;Every operation of every worker over time: reads, writes, lock acquisitions and waits. Drag the scrubber to look back at any moment.&lt;/p&gt;</source>
            <translation>&lt;b&gt;时间线&lt;/b&gt;&lt;p&gt;每个工作进程随时间进行的每一次操作：读、写、获取锁和等待。拖动滑块即可回看任意时刻。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Bytes&lt;/b&gt;&lt;p&gt;The shared memory itself, byte by byte. Bytes that just changed flash; groups are the fields of the layout with their value written over them.&lt;/p&gt;</source>
            <translation>&lt;b&gt;字节&lt;/b&gt;&lt;p&gt;共享内存本身，逐字节显示。刚刚改变的字节会闪烁；分组是布局中的字段，上方标出了它们的值。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;ShmScope&lt;/b&gt;&lt;p&gt;In the middle: the bytes of one block of shared memory, live. Around it: the same bytes as typed values, the processes that map the block, the locks and other sync objects in it, and the classroom panels. Press F1 in any panel for what it shows.&lt;/p&gt;</source>
            <translation>&lt;b&gt;ShmScope&lt;/b&gt;&lt;p&gt;中间：一块共享内存的字节，实时显示。四周：按类型解读的同一批字节、映射这块内存的进程、其中的锁和其他同步对象，以及课堂面板。在任意面板中按 F1 可查看它显示的内容。&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>Experiment</source>
            <translation>实验</translation>
        </message>
        <message>
            <source>Step-through</source>
            <translation>单步执行</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>时间线</translation>
        </message>
    </context>
    <context>
        <name>Screenshot</name>
        <message>
            <source>--size %1: expected WIDTHxHEIGHT between 320x240 and 7680x4320</source>
            <translation>--size %1：应为 宽x高，介于 320x240 与 7680x4320 之间</translation>
        </message>
        <message>
            <source>cannot write %1: no folder %2</source>
            <translation>无法写入 %1：文件夹 %2 不存在</translation>
        </message>
        <message>
            <source>no poll within %1 s: nothing to capture</source>
            <translation>%1 秒内没有轮询：没有可截取的内容</translation>
        </message>
        <message>
            <source>--size %1x%2 is smaller than the window can be (%3x%4)</source>
            <translation>--size %1x%2 小于窗口的最小尺寸（%3x%4）</translation>
        </message>
        <message>
            <source>cannot write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
    </context>
    <context>
        <name>ShmScope</name>
        <message>
            <source>No prediction was made.</source>
            <translation>没有做出预测。</translation>
        </message>
        <message>
            <source>“%1” is not a number: no score.</source>
            <translation>“%1”不是数字：不计分。</translation>
        </message>
        <message>
            <source>Nothing was observed to compare with.</source>
            <translation>没有观察到可供比较的结果。</translation>
        </message>
        <message>
            <source>You predicted %1 — observed %2</source>
            <translation>你预测 %1 —— 实际观察到 %2</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::AboutDialog</name>
        <message>
            <source>About ShmScope</source>
            <translation>关于 ShmScope</translation>
        </message>
        <message>
            <source>&lt;p&gt;Watch POSIX shared memory between processes while it happens: bytes, typed values, locks and the processes that map each block.&lt;/p&gt;</source>
            <translation>&lt;p&gt;实时观察进程之间的 POSIX 共享内存：字节、类型化的值、锁，以及映射每块内存的进程。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Built with Qt %1.&lt;/p&gt;</source>
            <translation>&lt;p&gt;基于 Qt %1 构建。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Released under the MIT licence: use, copy, change and share it freely, keeping the copyright notice.&lt;/p&gt;</source>
            <translation>&lt;p&gt;以 MIT 许可证发布：可自由使用、复制、修改和分享，但须保留版权声明。&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::BlocksDiagram</name>
        <message>
            <source>Open another handle</source>
            <translation>再打开一个句柄</translation>
        </message>
        <message>
            <source>Attach to the same block again, like the seed's shm_b = SharedMemory(shm_a.name): a second mapping at another address</source>
            <translation>再次附加到同一块内存，就像种子中的 shm_b = SharedMemory(shm_a.name)：在另一个地址上的第二个映射</translation>
        </message>
        <message>
            <source>this window · pid %1</source>
            <translation>本窗口 · pid %1</translation>
        </message>
        <message>
            <source>process</source>
            <translation>进程</translation>
        </message>
        <message>
            <source>pid %1</source>
            <translation>pid %1</translation>
        </message>
        <message>
            <source>Another handle</source>
            <translation>另一个句柄</translation>
        </message>
        <message>
            <source>%1 maps the same block at %2</source>
            <translation>%1 在 %2 映射了同一块内存</translation>
        </message>
        <message>
            <source>Write %1.buf[-1] += 1</source>
            <translation>写入 %1.buf[-1] += 1</translation>
        </message>
        <message>
            <source>Wrote %1 at byte %2 through %3: every handle on the block sees it</source>
            <translation>通过 %3 在字节 %2 处写入了 %1：这块内存上的每个句柄都能看到</translation>
        </message>
        <message>
            <source>Close %1</source>
            <translation>关闭 %1</translation>
        </message>
        <message>
            <source>One block, 1 handle</source>
            <translation>一块内存，1 个句柄</translation>
        </message>
        <message>
            <source>One block, %1 handles</source>
            <translation>一块内存，%1 个句柄</translation>
        </message>
        <message>
            <source>Each handle maps the same bytes at its own address: shm_a is shm_b → False, yet a write through one is read through all.</source>
            <translation>每个句柄在各自的地址上映射同样的字节：shm_a is shm_b → False，但通过其中一个写入，所有句柄都能读到。</translation>
        </message>
        <message>
            <source>This window</source>
            <translation>本窗口</translation>
        </message>
        <message>
            <source>Other processes</source>
            <translation>其他进程</translation>
        </message>
        <message>
            <source>None yet. Start a worker, or in Python:
SharedMemory('%1')</source>
            <translation>暂无。启动一个工作进程，或在 Python 中：
SharedMemory('%1')</translation>
        </message>
        <message>
            <source>Create or attach a segment to see every handle on its block.</source>
            <translation>创建或附加一个共享内存段，即可看到其内存块上的每个句柄。</translation>
        </message>
        <message>
            <source>memory block · unlinked</source>
            <translation>内存块 · 已删除名字</translation>
        </message>
        <message>
            <source>memory block</source>
            <translation>内存块</translation>
        </message>
        <message>
            <source>%L1 bytes</source>
            <translation>%L1 字节</translation>
        </message>
        <message>
            <source>%L1 bytes (%2)</source>
            <translation>%L1 字节（%2）</translation>
        </message>
        <message>
            <source>inode %1</source>
            <translation>inode %1</translation>
        </message>
        <message>
            <source>mapped in 1 process</source>
            <translation>被 1 个进程映射</translation>
        </message>
        <message>
            <source>mapped in %1 processes</source>
            <translation>被 %1 个进程映射</translation>
        </message>
        <message>
            <source> (deleted)</source>
            <translation>（已删除）</translation>
        </message>
        <message>
            <source>at %1</source>
            <translation>位于 %1</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::ByteGridView</name>
        <message>
            <source>No segment open
File ▸ New Segment (Ctrl+N) or Attach (Ctrl+O)</source>
            <translation>没有打开的共享内存段
文件 ▸ 新建共享内存段（Ctrl+N）或附加（Ctrl+O）</translation>
        </message>
        <message>
            <source>OFFSET</source>
            <translation>偏移</translation>
        </message>
        <message>
            <source>ASCII</source>
            <translation>ASCII</translation>
        </message>
        <message>
            <source>Hexadecimal</source>
            <translation>十六进制</translation>
        </message>
        <message>
            <source>Decimal</source>
            <translation>十进制</translation>
        </message>
        <message>
            <source>Binary</source>
            <translation>二进制</translation>
        </message>
        <message>
            <source>Offset %1 (0x%2)</source>
            <translation>偏移 %1（0x%2）</translation>
        </message>
        <message>
            <source>Byte 0x%1 = %2 = 0b%3</source>
            <translation>字节 0x%1 = %2 = 0b%3</translation>
        </message>
        <message>
            <source>Field %1: %2 (%3), bytes %4–%5</source>
            <translation>字段 %1：%2（%3），字节 %4–%5</translation>
        </message>
        <message>
            <source>Value %1</source>
            <translation>值 %1</translation>
        </message>
        <message>
            <source>Little-endian: byte %1 is the least significant, byte %2 the most</source>
            <translation>小端序：字节 %1 是最低位，字节 %2 是最高位</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::CatalogueModel</name>
        <message>
            <source>%1 bytes</source>
            <translation>%1 字节</translation>
        </message>
        <message>
            <source>pid %1 (%2) maps it at 0x%3–0x%4 %5%6</source>
            <translation>pid %1（%2）将其映射在 0x%3–0x%4 %5%6</translation>
        </message>
        <message>
            <source>, unlinked</source>
            <translation>，已删除名字</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>种类</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>权限</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>所有者</translation>
        </message>
        <message>
            <source>Processes</source>
            <translation>进程</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::ClassroomController</name>
        <message>
            <source>&amp;Export View…</source>
            <translation>导出视图(&amp;E)…</translation>
        </message>
        <message>
            <source>Ctrl+E</source>
            <translation>Ctrl+E</translation>
        </message>
        <message>
            <source>Save the panel with the keyboard focus (or the whole window) as PNG or SVG</source>
            <translation>把拥有键盘焦点的面板（或整个窗口）保存为 PNG 或 SVG</translation>
        </message>
        <message>
            <source>Export &amp;Window…</source>
            <translation>导出窗口(&amp;W)…</translation>
        </message>
        <message>
            <source>Ctrl+Shift+E</source>
            <translation>Ctrl+Shift+E</translation>
        </message>
        <message>
            <source>Export Operation &amp;Log as CSV…</source>
            <translation>将操作日志导出为 CSV(&amp;L)…</translation>
        </message>
        <message>
            <source>&amp;Presentation Mode</source>
            <translation>演示模式(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Full Screen</source>
            <translation>全屏(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Zoom</source>
            <translation>缩放(&amp;Z)</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>放大(&amp;I)</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>缩小(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Actual Size</source>
            <translation>实际大小(&amp;A)</translation>
        </message>
        <message>
            <source>Zoom %1%</source>
            <translation>缩放 %1%</translation>
        </message>
        <message>
            <source>&amp;Theme</source>
            <translation>主题(&amp;T)</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>深色</translation>
        </message>
        <message>
            <source>High Contrast Dark</source>
            <translation>高对比度深色</translation>
        </message>
        <message>
            <source>High Contrast Light</source>
            <translation>高对比度浅色</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>System Language</source>
            <translation>系统语言</translation>
        </message>
        <message>
            <source>What Am I &amp;Looking At?</source>
            <translation>我在看什么(&amp;L)？</translation>
        </message>
        <message>
            <source>System Language (%1)</source>
            <translation>系统语言（%1）</translation>
        </message>
        <message>
            <source>No translations for %1</source>
            <translation>没有 %1 的翻译</translation>
        </message>
        <message>
            <source>There is no operation log: this window has no timeline.</source>
            <translation>没有操作日志：本窗口没有时间线。</translation>
        </message>
        <message>
            <source>PNG image (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
        <message>
            <source>Export View</source>
            <translation>导出视图</translation>
        </message>
        <message>
            <source>SVG drawing (*.svg)</source>
            <translation>SVG 矢量图 (*.svg)</translation>
        </message>
        <message>
            <source>Exported %1</source>
            <translation>已导出 %1</translation>
        </message>
        <message>
            <source>Export Operation Log</source>
            <translation>导出操作日志</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::Demo</name>
        <message>
            <source>Demo layout: %1</source>
            <translation>演示布局：%1</translation>
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
            <translation>演示：没有锁（%1）；在本进程内播放动画</translation>
        </message>
        <message>
            <source>counter %1</source>
            <translation>计数器 %1</translation>
        </message>
        <message>
            <source>array writer</source>
            <translation>数组写入者</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::ExperimentPanel</name>
        <message>
            <source>Open file…</source>
            <translation>打开文件…</translation>
        </message>
        <message>
            <source>Open your own experiment (JSON; the format is in the README)</source>
            <translation>打开你自己的实验（JSON；格式见 README）</translation>
        </message>
        <message>
            <source>Cannot prepare the experiment</source>
            <translation>无法准备实验</translation>
        </message>
        <message>
            <source>This experiment file has a fault</source>
            <translation>这个实验文件有错误</translation>
        </message>
        <message>
            <source>%1 cannot be opened as an experiment.</source>
            <translation>%1 无法作为实验打开。</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>Open an experiment</source>
            <translation>打开实验</translation>
        </message>
        <message>
            <source>Experiments (*.json);;All files (*)</source>
            <translation>实验 (*.json);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Choose an experiment</source>
            <translation>选择一个实验</translation>
        </message>
        <message>
            <source>Each one makes a lesson about shared memory visible, live.</source>
            <translation>每个实验都把一节关于共享内存的课实时地呈现出来。</translation>
        </message>
        <message>
            <source>▶  Run again</source>
            <translation>▶  再次运行</translation>
        </message>
        <message>
            <source>▶  Start</source>
            <translation>▶  开始</translation>
        </message>
        <message>
            <source>■  Stop</source>
            <translation>■  停止</translation>
        </message>
        <message>
            <source>Phase %1</source>
            <translation>阶段 %1</translation>
        </message>
        <message>
            <source>&lt;span style='color:#9aa3b2'&gt;Phases&lt;/span&gt;</source>
            <translation>&lt;span style='color:#9aa3b2'&gt;阶段&lt;/span&gt;</translation>
        </message>
        <message>
            <source>Running phase %1 of %2…</source>
            <translation>正在运行第 %1 阶段，共 %2 个阶段…</translation>
        </message>
        <message>
            <source>Finished: as expected.</source>
            <translation>已完成：符合预期。</translation>
        </message>
        <message>
            <source>Finished: not as expected.</source>
            <translation>已完成：不符合预期。</translation>
        </message>
        <message>
            <source>Ready: the initial state is in shared memory.</source>
            <translation>就绪：初始状态已写入共享内存。</translation>
        </message>
        <message>
            <source>&lt;b style='color:%1'&gt;Outcome — as expected&lt;/b&gt;</source>
            <translation>&lt;b style='color:%1'&gt;结果 —— 符合预期&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b style='color:%1'&gt;Outcome — not as expected&lt;/b&gt;</source>
            <translation>&lt;b style='color:%1'&gt;结果 —— 不符合预期&lt;/b&gt;</translation>
        </message>
        <message>
            <source>%1 ms, %2 operations logged</source>
            <translation>%1 毫秒，记录了 %2 次操作</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::LaunchDialog</name>
        <message>
            <source>Launch a process</source>
            <translation>启动进程</translation>
        </message>
        <message>
            <source>segment name</source>
            <translation>共享内存段名称</translation>
        </message>
        <message>
            <source>counter:i; temps:d[4]</source>
            <translation>counter:i; temps:d[4]</translation>
        </message>
        <message>
            <source>field name</source>
            <translation>字段名</translation>
        </message>
        <message>
            <source>none: no lock</source>
            <translation>无：不加锁</translation>
        </message>
        <message>
            <source>sync object name</source>
            <translation>同步对象名称</translation>
        </message>
        <message>
            <source>Semaphore counting empty slots</source>
            <translation>统计空槽位的信号量</translation>
        </message>
        <message>
            <source>Semaphore counting full slots</source>
            <translation>统计满槽位的信号量</translation>
        </message>
        <message>
            <source>Step mode: stop before each LOAD, ADD, STORE, ACQUIRE… until released</source>
            <translation>单步模式：在每个 LOAD、ADD、STORE、ACQUIRE… 之前停下，直到被放行</translation>
        </message>
        <message>
            <source>Die by SIGKILL while holding the lock</source>
            <translation>持锁期间被 SIGKILL 杀死</translation>
        </message>
        <message>
            <source>Start this many identical workers at once (two counters show the race)</source>
            <translation>一次启动这么多个相同的工作进程（两个计数器即可展示竞争）</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>种类(&amp;K)：</translation>
        </message>
        <message>
            <source>&amp;Segment:</source>
            <translation>共享内存段(&amp;S)：</translation>
        </message>
        <message>
            <source>La&amp;yout:</source>
            <translation>布局(&amp;Y)：</translation>
        </message>
        <message>
            <source>&amp;Field:</source>
            <translation>字段(&amp;F)：</translation>
        </message>
        <message>
            <source>&amp;Lock:</source>
            <translation>锁(&amp;L)：</translation>
        </message>
        <message>
            <source>&amp;Object:</source>
            <translation>对象(&amp;O)：</translation>
        </message>
        <message>
            <source>Empty slots:</source>
            <translation>空槽位：</translation>
        </message>
        <message>
            <source>Full slots:</source>
            <translation>满槽位：</translation>
        </message>
        <message>
            <source>Count:</source>
            <translation>计数：</translation>
        </message>
        <message>
            <source>Time:</source>
            <translation>时间：</translation>
        </message>
        <message>
            <source>&amp;Copies:</source>
            <translation>副本数(&amp;C)：</translation>
        </message>
        <message>
            <source>&amp;Worker</source>
            <translation>工作进程(&amp;W)</translation>
        </message>
        <message>
            <source>python3 script.py psm_1a2b3c4d</source>
            <translation>python3 script.py psm_1a2b3c4d</translation>
        </message>
        <message>
            <source>Any program with its arguments. It is started directly, not through a shell: use double quotes for arguments with spaces; pipes, redirections and $VARIABLES are passed as plain text.</source>
            <translation>任意程序及其参数。它被直接启动，而不是通过 shell：含空格的参数请用双引号；管道、重定向和 $变量 会作为普通文本传入。</translation>
        </message>
        <message>
            <source>Any &amp;command</source>
            <translation>任意命令(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Launch</source>
            <translation>启动(&amp;L)</translation>
        </message>
        <message>
            <source>Will run:</source>
            <translation>将运行：</translation>
        </message>
        <message>
            <source>&amp;Lock (optional):</source>
            <translation>锁（可选）(&amp;L)：</translation>
        </message>
        <message>
            <source>Type a command line.</source>
            <translation>请输入命令行。</translation>
        </message>
        <message>
            <source>Pick a worker kind.</source>
            <translation>请选择工作进程种类。</translation>
        </message>
        <message>
            <source>Segment: pick or type one (create it in the Segments panel first).</source>
            <translation>共享内存段：请选择或输入一个（先在“共享内存段”面板中创建）。</translation>
        </message>
        <message>
            <source>Layout: the worker needs the segment's layout to find its field.</source>
            <translation>布局：工作进程需要共享内存段的布局才能找到它的字段。</translation>
        </message>
        <message>
            <source>Layout: %1</source>
            <translation>布局：%1</translation>
        </message>
        <message>
            <source>Field: pick the field to work on.</source>
            <translation>字段：请选择要操作的字段。</translation>
        </message>
        <message>
            <source>Lock: the holder needs a Lock to hold (create one in the Sync panel).</source>
            <translation>锁：持有者需要一把可持有的锁（在“同步对象”面板中创建）。</translation>
        </message>
        <message>
            <source>Object: name the %1 to use.</source>
            <translation>对象：请给出要使用的%1的名称。</translation>
        </message>
        <message>
            <source>Semaphores: the ring buffer needs one for empty and one for full slots.</source>
            <translation>信号量：环形缓冲区需要一个统计空槽位、一个统计满槽位。</translation>
        </message>
        <message>
            <source>program %1, arguments %2</source>
            <translation>程序 %1，参数 %2</translation>
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
            <translation>字段</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Value / Array</source>
            <translation>值 / 数组</translation>
        </message>
        <message>
            <source>C type</source>
            <translation>C 类型</translation>
        </message>
        <message>
            <source>Offset</source>
            <translation>偏移</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Byte offset, aligned like a ctypes Structure</source>
            <translation>字节偏移，与 ctypes Structure 的对齐方式相同</translation>
        </message>
        <message>
            <source>Add field</source>
            <translation>添加字段</translation>
        </message>
        <message>
            <source>Add a field at the end</source>
            <translation>在末尾添加一个字段</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>Remove the selected field</source>
            <translation>移除选中的字段</translation>
        </message>
        <message>
            <source>Up</source>
            <translation>上移</translation>
        </message>
        <message>
            <source>Move the selected field up</source>
            <translation>把选中的字段上移</translation>
        </message>
        <message>
            <source>Down</source>
            <translation>下移</translation>
        </message>
        <message>
            <source>Move the selected field down</source>
            <translation>把选中的字段下移</translation>
        </message>
        <message>
            <source>counter:i; temps:d[3]; name:c[16]   (empty: raw bytes)</source>
            <translation>counter:i; temps:d[3]; name:c[16]   （留空：原始字节）</translation>
        </message>
        <message>
            <source>The same layout as text, as shmscope-cli and the workers take it. Edit either the table or the text.</source>
            <translation>同一布局的文本形式，即 shmscope-cli 和工作进程所接受的格式。编辑表格或文本均可。</translation>
        </message>
        <message>
            <source>As text:</source>
            <translation>文本形式：</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <source>Array[</source>
            <translation>数组[</translation>
        </message>
        <message>
            <source>Value: one element (Value('i')). Array[n]: n elements (Array('i', n)); an Array is one-dimensional.</source>
            <translation>值：一个元素（Value('i')）。数组[n]：n 个元素（Array('i', n)）；数组是一维的。</translation>
        </message>
        <message>
            <source>text %1</source>
            <translation>文本 %1</translation>
        </message>
        <message>
            <source>invalid</source>
            <translation>无效</translation>
        </message>
        <message>
            <source>Field %1 has no name.</source>
            <translation>字段 %1 没有名称。</translation>
        </message>
        <message>
            <source>Field %1 (%2): %3</source>
            <translation>字段 %1（%2）：%3</translation>
        </message>
        <message>
            <source>no fields: raw bytes</source>
            <translation>没有字段：原始字节</translation>
        </message>
        <message numerus="yes">
            <source>%n field(s), %1 bytes</source>
            <translation>
                <numerusform>%n 个字段，%1 字节</numerusform>
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
            <translation>已写入偏移 %1</translation>
        </message>
        <message>
            <source>Wrapped: %1</source>
            <translation>已回绕：%1</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;New Segment…</source>
            <translation>新建共享内存段(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;Attach…</source>
            <translation>附加(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Close Segment</source>
            <translation>关闭共享内存段(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Display Mode</source>
            <translation>显示方式(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Poll Rate</source>
            <translation>轮询频率(&amp;P)</translation>
        </message>
        <message>
            <source>%1 Hz</source>
            <translation>%1 Hz</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;About ShmScope</source>
            <translation>关于 ShmScope(&amp;A)</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>关于 Qt(&amp;Q)</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <source>  &lt;b&gt;ShmScope&lt;/b&gt;  </source>
            <translation>  &lt;b&gt;ShmScope&lt;/b&gt;  </translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source> Poll </source>
            <translation> 轮询 </translation>
        </message>
        <message>
            <source> Hz</source>
            <translation> Hz</translation>
        </message>
        <message>
            <source>How often the visible bytes, the typed values and the sync objects are read</source>
            <translation>多久读取一次可见的字节、类型化的值和同步对象</translation>
        </message>
        <message>
            <source>Typed Values</source>
            <translation>类型化的值</translation>
        </message>
        <message>
            <source>Blocks</source>
            <translation>内存块</translation>
        </message>
        <message>
            <source>Segments</source>
            <translation>共享内存段</translation>
        </message>
        <message>
            <source>Sync Objects</source>
            <translation>同步对象</translation>
        </message>
        <message>
            <source>Processes</source>
            <translation>进程</translation>
        </message>
        <message>
            <source>%1 — ShmScope</source>
            <translation>%1 — ShmScope</translation>
        </message>
        <message>
            <source>● polling %1 Hz</source>
            <translation>● 轮询 %1 Hz</translation>
        </message>
        <message>
            <source>no segment</source>
            <translation>没有共享内存段</translation>
        </message>
        <message>
            <source>%1  ·  %2  ·  %3 bytes</source>
            <translation>%1  ·  %2  ·  %3 字节</translation>
        </message>
        <message>
            <source>  ·  unlinked, still mapped</source>
            <translation>  ·  名字已删除，仍被映射</translation>
        </message>
        <message>
            <source>  ·  now %1 bytes (truncated)</source>
            <translation>  ·  现为 %1 字节（已截断）</translation>
        </message>
        <message>
            <source>no change yet</source>
            <translation>尚无变化</translation>
        </message>
        <message>
            <source>last change %1 s ago  ·  %2 changes</source>
            <translation>上次变化在 %1 秒前  ·  共 %2 次变化</translation>
        </message>
        <message>
            <source>no experiment is open</source>
            <translation>没有打开的实验</translation>
        </message>
        <message>
            <source>no stepped worker is waiting after %1 steps</source>
            <translation>放行 %1 步之后，没有等待单步的工作进程</translation>
        </message>
        <message>
            <source>The timeline has no record of %1 at that moment</source>
            <translation>时间线上没有 %1 在那一刻的记录</translation>
        </message>
        <message>
            <source>  ·  showing the past (timeline scrubbed back)</source>
            <translation>  ·  正在显示过去（时间线已回拨）</translation>
        </message>
        <message>
            <source>HEX</source>
            <translation>十六进制</translation>
        </message>
        <message>
            <source>DEC</source>
            <translation>十进制</translation>
        </message>
        <message>
            <source>BIN</source>
            <translation>二进制</translation>
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
            <translation>命令行为空。</translation>
        </message>
        <message>
            <source>Cannot start "%1": %2</source>
            <translation>无法启动“%1”：%2</translation>
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
            <translation>进程</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Ops/s</source>
            <translation>操作/秒</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <source>Last output</source>
            <translation>最近输出</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::ProcessesPanel</name>
        <message>
            <source>&amp;Launch…</source>
            <translation>启动(&amp;L)…</translation>
        </message>
        <message>
            <source>Start a worker or any command</source>
            <translation>启动一个工作进程或任意命令</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>暂停(&amp;P)</translation>
        </message>
        <message>
            <source>Stop the process with SIGSTOP</source>
            <translation>用 SIGSTOP 暂停该进程</translation>
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation>继续(&amp;R)</translation>
        </message>
        <message>
            <source>Continue it with SIGCONT</source>
            <translation>用 SIGCONT 让它继续</translation>
        </message>
        <message>
            <source>&amp;Kill</source>
            <translation>杀死(&amp;K)</translation>
        </message>
        <message>
            <source>End it at once with SIGKILL</source>
            <translation>用 SIGKILL 立即结束它</translation>
        </message>
        <message>
            <source>Clear finished</source>
            <translation>清除已结束的</translation>
        </message>
        <message>
            <source>Remove the processes that ended</source>
            <translation>移除已经结束的进程</translation>
        </message>
        <message>
            <source>Show or hide the output</source>
            <translation>显示或隐藏输出</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>Select a process to see its output.</source>
            <translation>选择一个进程以查看其输出。</translation>
        </message>
        <message>
            <source>Output of %1 (pid %2): %3</source>
            <translation>%1（pid %2）的输出：%3</translation>
        </message>
        <message>
            <source>Started %1</source>
            <translation>已启动 %1</translation>
        </message>
        <message>
            <source>Started %1 × %2</source>
            <translation>已启动 %1 × %2</translation>
        </message>
        <message>
            <source>Paused pid %1 (SIGSTOP)</source>
            <translation>已暂停 pid %1（SIGSTOP）</translation>
        </message>
        <message>
            <source>Resumed pid %1 (SIGCONT)</source>
            <translation>已继续 pid %1（SIGCONT）</translation>
        </message>
        <message>
            <source>Killed pid %1 (SIGKILL)</source>
            <translation>已杀死 pid %1（SIGKILL）</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::SegmentDialog</name>
        <message>
            <source>New shared-memory segment</source>
            <translation>新建共享内存段</translation>
        </message>
        <message>
            <source>Attach to a segment</source>
            <translation>附加到共享内存段</translation>
        </message>
        <message>
            <source>e.g. demo (a leading / is optional)</source>
            <translation>例如 demo（开头的 / 可有可无）</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>名称(&amp;N)：</translation>
        </message>
        <message>
            <source> bytes</source>
            <translation> 字节</translation>
        </message>
        <message>
            <source>from the layout</source>
            <translation>取自布局</translation>
        </message>
        <message>
            <source>Exactly the layout's size, padded like a ctypes Structure</source>
            <translation>正好是布局的大小，按 ctypes Structure 的方式填充</translation>
        </message>
        <message>
            <source>&amp;Size:</source>
            <translation>大小(&amp;S)：</translation>
        </message>
        <message>
            <source>a name in /dev/shm, e.g. psm_1a2b3c4d</source>
            <translation>/dev/shm 中的名称，例如 psm_1a2b3c4d</translation>
        </message>
        <message>
            <source>Size:</source>
            <translation>大小：</translation>
        </message>
        <message>
            <source>Read-only (watch without being able to write)</source>
            <translation>只读（只观察，不能写入）</translation>
        </message>
        <message>
            <source>POSIX shm name: not empty, no '/' inside, at most 255 bytes</source>
            <translation>POSIX 共享内存名称：不能为空，中间不能有 '/'，最多 255 字节</translation>
        </message>
        <message>
            <source>Layout</source>
            <translation>布局</translation>
        </message>
        <message>
            <source>Layout (how to read the bytes; optional)</source>
            <translation>布局（如何解读这些字节；可选）</translation>
        </message>
        <message>
            <source>Create</source>
            <translation>创建</translation>
        </message>
        <message>
            <source>Attach</source>
            <translation>附加</translation>
        </message>
        <message>
            <source>%1 bytes</source>
            <translation>%1 字节</translation>
        </message>
        <message>
            <source>Fields past byte %1 lie beyond the end of the segment: they will be reported, not read.</source>
            <translation>字节 %1 之后的字段超出了共享内存段的末尾：只会报告，不会读取。</translation>
        </message>
        <message>
            <source>Creates /dev/shm/%1: %2 bytes, mode 0600, all zero.</source>
            <translation>创建 /dev/shm/%1：%2 字节，权限 0600，全部为零。</translation>
        </message>
        <message>
            <source>Name: enter a name.</source>
            <translation>名称：请输入名称。</translation>
        </message>
        <message>
            <source>Name: %1</source>
            <translation>名称：%1</translation>
        </message>
        <message>
            <source>Name: /dev/shm/%1 already exists (Python: FileExistsError). Attach to it instead, or pick another name.</source>
            <translation>名称：/dev/shm/%1 已存在（Python：FileExistsError）。请改为附加到它，或换一个名称。</translation>
        </message>
        <message>
            <source>Name: there is no segment named %1 (Python: FileNotFoundError).</source>
            <translation>名称：没有名为 %1 的共享内存段（Python：FileNotFoundError）。</translation>
        </message>
        <message>
            <source>Layout: %1</source>
            <translation>布局：%1</translation>
        </message>
        <message>
            <source>Size: the layout has no fields; untick "from the layout" and give a size.</source>
            <translation>大小：布局中没有字段；请取消勾选“取自布局”并给出大小。</translation>
        </message>
        <message>
            <source>Size: must be a positive number different from zero (Python: ValueError).</source>
            <translation>大小：必须是大于零的数（Python：ValueError）。</translation>
        </message>
        <message>
            <source>Size: the layout needs %1 bytes, more than %2.</source>
            <translation>大小：布局需要 %1 字节，超过了 %2。</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::SegmentsPanel</name>
        <message>
            <source>&amp;New…</source>
            <translation>新建(&amp;N)…</translation>
        </message>
        <message>
            <source>Create a shared-memory segment with a layout</source>
            <translation>创建一个带布局的共享内存段</translation>
        </message>
        <message>
            <source>&amp;Attach…</source>
            <translation>附加(&amp;A)…</translation>
        </message>
        <message>
            <source>Open a handle on an existing segment by name</source>
            <translation>按名称打开已有共享内存段的句柄</translation>
        </message>
        <message>
            <source>Another &amp;handle</source>
            <translation>另一个句柄(&amp;H)</translation>
        </message>
        <message>
            <source>Map the selected block a second time, at another address (the seed's shm_b)</source>
            <translation>在另一个地址上再次映射选中的内存块（即种子中的 shm_b）</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>关闭(&amp;C)</translation>
        </message>
        <message>
            <source>Unmap this handle; the segment stays in /dev/shm</source>
            <translation>解除这个句柄的映射；共享内存段仍留在 /dev/shm 中</translation>
        </message>
        <message>
            <source>&amp;Unlink…</source>
            <translation>删除名字(&amp;U)…</translation>
        </message>
        <message>
            <source>Remove the name of a segment this window created (mapped handles keep working)</source>
            <translation>删除本窗口创建的共享内存段的名字（已映射的句柄仍可继续使用）</translation>
        </message>
        <message>
            <source>Handle</source>
            <translation>句柄</translation>
        </message>
        <message>
            <source>Segment</source>
            <translation>共享内存段</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Address here</source>
            <translation>本进程中的地址</translation>
        </message>
        <message>
            <source>Inode</source>
            <translation>Inode</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Layout</source>
            <translation>布局</translation>
        </message>
        <message>
            <source>Filter: name, kind, owner, pid or command (e.g. psm_)</source>
            <translation>筛选：名称、种类、所有者、pid 或命令（例如 psm_）</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>In this window</source>
            <translation>本窗口中</translation>
        </message>
        <message>
            <source>All of /dev/shm</source>
            <translation>/dev/shm 全部</translation>
        </message>
        <message>
            <source>1 segment</source>
            <translation>1 个共享内存段</translation>
        </message>
        <message>
            <source>%1 segments</source>
            <translation>%1 个共享内存段</translation>
        </message>
        <message>
            <source>created here</source>
            <translation>在此创建</translation>
        </message>
        <message>
            <source>attached</source>
            <translation>已附加</translation>
        </message>
        <message>
            <source>, read-only</source>
            <translation>，只读</translation>
        </message>
        <message>
            <source>, unlinked (still mapped)</source>
            <translation>，名字已删除（仍被映射）</translation>
        </message>
        <message>
            <source>, now %1 bytes (truncated by another process)</source>
            <translation>，现为 %1 字节（被另一个进程截断）</translation>
        </message>
        <message>
            <source>%1 bytes</source>
            <translation>%1 字节</translation>
        </message>
        <message>
            <source>Where this handle maps the block in this process: two handles on one block have two addresses</source>
            <translation>这个句柄在本进程中映射该内存块的地址：同一块内存上的两个句柄有两个地址</translation>
        </message>
        <message>
            <source>raw bytes</source>
            <translation>原始字节</translation>
        </message>
        <message>
            <source>This window only attached to %1: it is not ours to unlink</source>
            <translation>本窗口只是附加到了 %1：无权删除它的名字</translation>
        </message>
        <message>
            <source>Created %1</source>
            <translation>已创建 %1</translation>
        </message>
        <message>
            <source>Attached to %1</source>
            <translation>已附加到 %1</translation>
        </message>
        <message>
            <source>Another handle</source>
            <translation>另一个句柄</translation>
        </message>
        <message>
            <source>%1: another handle on %2, at another address</source>
            <translation>%1：%2 上的另一个句柄，位于另一个地址</translation>
        </message>
        <message>
            <source>Unlink %1?</source>
            <translation>删除 %1 的名字？</translation>
        </message>
        <message>
            <source>Remove the name /dev/shm/%1?

Handles that map it (here and in other processes) keep working until they close; nobody can attach to it by name any more.</source>
            <translation>删除名字 /dev/shm/%1？

映射了它的句柄（本进程和其他进程中的）在关闭前仍可继续使用；但再也没有人能按名字附加到它。</translation>
        </message>
        <message>
            <source>Unlink</source>
            <translation>删除名字</translation>
        </message>
        <message>
            <source>Unlinked %1 (still mapped here)</source>
            <translation>已删除 %1 的名字（此处仍被映射）</translation>
        </message>
        <message>
            <source>Attach to %1…</source>
            <translation>附加到 %1…</translation>
        </message>
        <message>
            <source>Unlink %1…</source>
            <translation>删除 %1 的名字…</translation>
        </message>
        <message>
            <source>Unlink %1 (attached here, not ours)</source>
            <translation>删除 %1 的名字（此处只是附加，不归我们所有）</translation>
        </message>
        <message>
            <source>Remove /dev/shm/%1? No process maps it now: its bytes are gone for good.</source>
            <translation>删除 /dev/shm/%1？现在没有进程映射它：它的字节将永久消失。</translation>
        </message>
        <message>
            <source>Remove /dev/shm/%1?

It is mapped by: %2.
They keep working, but nobody can attach to it by name any more.</source>
            <translation>删除 /dev/shm/%1？

映射它的有：%2。
它们仍可继续使用，但再也没有人能按名字附加到它。</translation>
        </message>
        <message>
            <source>Unlinked %1</source>
            <translation>已删除 %1 的名字</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::StepControllerPanel</name>
        <message>
            <source>Your prediction:</source>
            <translation>你的预测：</translation>
        </message>
        <message>
            <source>a number</source>
            <translation>一个数</translation>
        </message>
        <message>
            <source>Lock in</source>
            <translation>确定</translation>
        </message>
        <message>
            <source>Step all (round robin)   [Space]</source>
            <translation>全部单步（轮流）   [空格]</translation>
        </message>
        <message>
            <source>▶  Run</source>
            <translation>▶  运行</translation>
        </message>
        <message>
            <source>Steps per second while running</source>
            <translation>运行时每秒的步数</translation>
        </message>
        <message>
            <source>⟲  Reset</source>
            <translation>⟲  重置</translation>
        </message>
        <message>
            <source>Kill the workers and recreate the initial state</source>
            <translation>杀死工作进程并重建初始状态</translation>
        </message>
        <message>
            <source>Speed</source>
            <translation>速度</translation>
        </message>
        <message>
            <source>%1 &lt;span style='font-size:11pt; color:#868e9c; font-weight:normal'&gt;pid %2&lt;/span&gt;</source>
            <translation>%1 &lt;span style='font-size:11pt; color:#868e9c; font-weight:normal'&gt;pid %2&lt;/span&gt;</translation>
        </message>
        <message>
            <source>private r = &lt;span style='color:#868e9c'&gt;?&lt;/span&gt;</source>
            <translation>私有 r = &lt;span style='color:#868e9c'&gt;?&lt;/span&gt;</translation>
        </message>
        <message>
            <source>private %1 = &lt;b&gt;%2&lt;/b&gt;</source>
            <translation>私有 %1 = &lt;b&gt;%2&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Step %1   [%2]</source>
            <translation>单步 %1   [%2]</translation>
        </message>
        <message>
            <source>Step %1</source>
            <translation>单步 %1</translation>
        </message>
        <message numerus="yes">
            <source>%n step(s)/s</source>
            <translation>
                <numerusform>%n 步/秒</numerusform>
            </translation>
        </message>
        <message>
            <source>This experiment runs without stepping.
Start it in the Experiment panel.</source>
            <translation>这个实验不需要单步执行。
请在“实验”面板中启动它。</translation>
        </message>
        <message>
            <source>Open an experiment with stepping workers
(e.g. 4: the lost update).</source>
            <translation>请打开一个带单步工作进程的实验
（例如 4：丢失的更新）。</translation>
        </message>
        <message>
            <source>&lt;b&gt;Predict.&lt;/b&gt; %1</source>
            <translation>&lt;b&gt;预测。&lt;/b&gt; %1</translation>
        </message>
        <message>
            <source>&lt;span style='color:#868e9c'&gt;locked in — now run it&lt;/span&gt;</source>
            <translation>&lt;span style='color:#868e9c'&gt;已确定 —— 现在运行它&lt;/span&gt;</translation>
        </message>
        <message>
            <source>&lt;span style='color:%1'&gt;Please write a number.&lt;/span&gt;</source>
            <translation>&lt;span style='color:%1'&gt;请填写一个数。&lt;/span&gt;</translation>
        </message>
        <message>
            <source>No worker is waiting for a step.</source>
            <translation>没有工作进程在等待单步。</translation>
        </message>
        <message>
            <source>⏸  Pause</source>
            <translation>⏸  暂停</translation>
        </message>
        <message>
            <source>Reset failed: %1</source>
            <translation>重置失败：%1</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::SteppingModel</name>
        <message>
            <source>not started</source>
            <translation>未启动</translation>
        </message>
        <message>
            <source>running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <source>waiting</source>
            <translation>等待中</translation>
        </message>
        <message>
            <source>done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>gone</source>
            <translation>已消失</translation>
        </message>
        <message>
            <source>%1 (pid %2): %3</source>
            <translation>%1（pid %2）：%3</translation>
        </message>
        <message>
            <source>Worker</source>
            <translation>工作进程</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Next step</source>
            <translation>下一步</translation>
        </message>
        <message>
            <source>Register</source>
            <translation>寄存器</translation>
        </message>
        <message>
            <source>Steps done</source>
            <translation>已完成步数</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::SyncPanel</name>
        <message>
            <source>name, e.g. counter-lock</source>
            <translation>名称，例如 counter-lock</translation>
        </message>
        <message>
            <source>Semaphore: initial count. BoundedSemaphore: initial = maximum. Barrier: parties.</source>
            <translation>信号量：初始计数。有界信号量：初始值 = 最大值。屏障：参与方数量。</translation>
        </message>
        <message>
            <source>Create</source>
            <translation>创建</translation>
        </message>
        <message>
            <source>Remove…</source>
            <translation>移除…</translation>
        </message>
        <message>
            <source>Remove the selected object's name (like sem_unlink): processes using it keep it</source>
            <translation>删除选中对象的名字（类似 sem_unlink）：正在使用它的进程仍保留它</translation>
        </message>
        <message>
            <source>parties </source>
            <translation>参与方 </translation>
        </message>
        <message>
            <source>count </source>
            <translation>计数 </translation>
        </message>
        <message>
            <source>1 object</source>
            <translation>1 个对象</translation>
        </message>
        <message>
            <source>%1 objects</source>
            <translation>%1 个对象</translation>
        </message>
        <message>
            <source>%1 held</source>
            <translation>%1 个被持有</translation>
        </message>
        <message>
            <source>%1 waiting</source>
            <translation>%1 个在等待</translation>
        </message>
        <message>
            <source>%1 recovered from a dead owner</source>
            <translation>%1 个已从死亡的持有者处恢复</translation>
        </message>
        <message>
            <source>No sync objects yet: create one below, or start a worker with --lock NAME.</source>
            <translation>还没有同步对象：在下方创建一个，或用 --lock 名称 启动一个工作进程。</translation>
        </message>
        <message>
            <source>Created %1 %2</source>
            <translation>已创建%1 %2</translation>
        </message>
        <message>
            <source>Give the object a name.</source>
            <translation>请给对象起个名字。</translation>
        </message>
        <message>
            <source>Remove %1?</source>
            <translation>移除 %1？</translation>
        </message>
        <message>
            <source>Remove the sync object %1? Processes that have it open keep using it; nobody can open it by name any more.</source>
            <translation>移除同步对象 %1？已经打开它的进程仍可继续使用；但再也没有人能按名字打开它。</translation>
        </message>
        <message>
            <source>Removed %1</source>
            <translation>已移除 %1</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::SyncStateModel</name>
        <message>
            <source>open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>free</source>
            <translation>空闲</translation>
        </message>
        <message>
            <source>held ×%1</source>
            <translation>被持有 ×%1</translation>
        </message>
        <message>
            <source>held</source>
            <translation>被持有</translation>
        </message>
        <message>
            <source>owner died</source>
            <translation>持有者已死亡</translation>
        </message>
        <message>
            <source>set</source>
            <translation>已设置</translation>
        </message>
        <message>
            <source>clear</source>
            <translation>未设置</translation>
        </message>
        <message>
            <source>%1 available</source>
            <translation>%1 可用</translation>
        </message>
        <message>
            <source>0 — blocks</source>
            <translation>0 —— 会阻塞</translation>
        </message>
        <message>
            <source>%1 of %2 waiting</source>
            <translation>%1 / %2 在等待</translation>
        </message>
        <message>
            <source>broken</source>
            <translation>已损坏</translation>
        </message>
        <message>
            <source>%1 (dead)</source>
            <translation>%1（已死亡）</translation>
        </message>
        <message>
            <source>%1/%2, round %3</source>
            <translation>%1/%2，第 %3 轮</translation>
        </message>
        <message>
            <source>held by pid %1%2</source>
            <translation>被 pid %1 持有%2</translation>
        </message>
        <message>
            <source>, which died holding it</source>
            <translation>，它在持锁时死亡</translation>
        </message>
        <message numerus="yes">
            <source>recovered %n time(s) from a dead owner (last: pid %1) — Python's own lock would hang here</source>
            <translation>
                <numerusform>已从死亡的持有者处恢复 %n 次（最近一次：pid %1）—— Python 自带的锁在这里会挂起</numerusform>
            </translation>
        </message>
        <message>
            <source>broken: the next wait raises BrokenBarrierError until reset</source>
            <translation>已损坏：在重置之前，下一次 wait 会引发 BrokenBarrierError</translation>
        </message>
        <message>
            <source>changing too fast to read in one piece; shown as last read</source>
            <translation>变化太快，无法一次读完整；显示的是最后读到的值</translation>
        </message>
        <message>
            <source>RLock: how many times its owner has acquired it</source>
            <translation>可重入锁：持有者已获取它的次数</translation>
        </message>
        <message>
            <source>Processes blocked in acquire() or wait() right now</source>
            <translation>此刻阻塞在 acquire() 或 wait() 中的进程</translation>
        </message>
        <message>
            <source>Acquires that found it taken and had to wait</source>
            <translation>获取时发现已被占用、不得不等待的次数</translation>
        </message>
        <message>
            <source>Times an acquirer found the owner dead (EOWNERDEAD) and recovered it</source>
            <translation>获取者发现持有者已死亡（EOWNERDEAD）并恢复该锁的次数</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>种类</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>所有者</translation>
        </message>
        <message>
            <source>Depth</source>
            <translation>深度</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>等待</translation>
        </message>
        <message>
            <source>Count</source>
            <translation>计数</translation>
        </message>
        <message>
            <source>Barrier</source>
            <translation>屏障</translation>
        </message>
        <message>
            <source>Acquired</source>
            <translation>获取次数</translation>
        </message>
        <message>
            <source>Contended</source>
            <translation>争用次数</translation>
        </message>
        <message>
            <source>Owner died</source>
            <translation>持有者死亡</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::TimelinePanel</name>
        <message>
            <source>● Live</source>
            <translation>● 实时</translation>
        </message>
        <message>
            <source>Follow the newest moment (End); drag the scrubber or press ← → to go back in time</source>
            <translation>跟随最新时刻（End）；拖动滑块或按 ← → 回到过去</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <source>Save every recorded operation as CSV, one line each</source>
            <translation>把记录下的每次操作保存为 CSV，每行一次</translation>
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
            <translation>%1 次操作 · 历史 %2 / %3 MiB</translation>
        </message>
        <message>
            <source>&lt;span style='color:#868e9c'&gt;No history yet.&lt;/span&gt;</source>
            <translation>&lt;span style='color:#868e9c'&gt;还没有历史记录。&lt;/span&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;now&lt;/b&gt;</source>
            <translation>&lt;b&gt;现在&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b style='color:#ffd166'&gt;at %1&lt;/b&gt;</source>
            <translation>&lt;b style='color:#ffd166'&gt;位于 %1&lt;/b&gt;</translation>
        </message>
        <message>
            <source>%1: held by &lt;b&gt;%2&lt;/b&gt;</source>
            <translation>%1：被 &lt;b&gt;%2&lt;/b&gt; 持有</translation>
        </message>
        <message>
            <source>%1: &lt;span style='color:#3fb950'&gt;free&lt;/span&gt;</source>
            <translation>%1：&lt;span style='color:#3fb950'&gt;空闲&lt;/span&gt;</translation>
        </message>
        <message>
            <source>Export the operation log</source>
            <translation>导出操作日志</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
        <message>
            <source>Saved %1 operations to %2</source>
            <translation>已将 %1 次操作保存到 %2</translation>
        </message>
        <message>
            <source> · &lt;span style='color:#f85149'&gt;%1 lost to log overrun&lt;/span&gt;</source>
            <translation> · &lt;span style='color:#f85149'&gt;%1 次操作因日志溢出而丢失&lt;/span&gt;</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::TimelineView</name>
        <message>
            <source>The timeline fills as the experiment runs:
one lane per worker, one per lock.</source>
            <translation>时间线随实验运行而填充：
每个工作进程一条轨道，每把锁一条轨道。</translation>
        </message>
        <message>
            <source>live  </source>
            <translation>实时  </translation>
        </message>
        <message>
            <source>polled ◆</source>
            <translation>轮询 ◆</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::TypeCodeCombo</name>
        <message>
            <source>Code</source>
            <translation>类型码</translation>
        </message>
        <message>
            <source>C type</source>
            <translation>C 类型</translation>
        </message>
        <message>
            <source>Python</source>
            <translation>Python</translation>
        </message>
        <message>
            <source>Seed minimum</source>
            <translation>种子中的最小值</translation>
        </message>
        <message>
            <source>Real size here</source>
            <translation>本机实际大小</translation>
        </message>
        <message numerus="yes">
            <source>%n byte(s)</source>
            <translation>
                <numerusform>%n 字节</numerusform>
            </translation>
        </message>
        <message>
            <source>The seed's table says at least %1; on this machine it is %2.</source>
            <translation>种子中的表格说至少为 %1；在这台机器上是 %2。</translation>
        </message>
        <message>
            <source>'%1': %2 in C, %3 in Python, %4 byte(s) here</source>
            <translation>'%1'：C 中为 %2，Python 中为 %3，本机 %4 字节</translation>
        </message>
        <message>
            <source>Python type code: C type, Python type, the seed's minimum size and the real size here</source>
            <translation>Python 类型码：C 类型、Python 类型、种子中的最小大小和本机的实际大小</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::TypedValueModel</name>
        <message>
            <source>Beyond the end of the segment: not read</source>
            <translation>超出共享内存段末尾：未读取</translation>
        </message>
        <message>
            <source>%1 at offset %2, bytes in memory (little-endian, least significant first): %3</source>
            <translation>%1 位于偏移 %2，内存中的字节（小端序，最低位在前）：%3</translation>
        </message>
        <message>
            <source>Wrapped: %1</source>
            <translation>已回绕：%1</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>%1 is attached read-only: values cannot be edited</source>
            <translation>%1 以只读方式附加：不能编辑值</translation>
        </message>
        <message>
            <source>Could not write %1 bytes at offset %2 of %3</source>
            <translation>无法在 %3 的偏移 %2 处写入 %1 字节</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>类型码</translation>
        </message>
        <message>
            <source>C type</source>
            <translation>C 类型</translation>
        </message>
        <message>
            <source>Offset</source>
            <translation>偏移</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>值</translation>
        </message>
    </context>
    <context>
        <name>ShmScope::Workspace</name>
        <message>
            <source>No such handle</source>
            <translation>没有这个句柄</translation>
        </message>
        <message>
            <source>%1 now names another block (it was unlinked and created again)</source>
            <translation>%1 现在指向另一块内存（它曾被删除名字后重新创建）</translation>
        </message>
    </context>
    <context>
        <name>ViewExporter</name>
        <message>
            <source>There is nothing to export: the view has no size.</source>
            <translation>没有可导出的内容：视图大小为零。</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
        <message>
            <source>Exported from ShmScope</source>
            <translation>由 ShmScope 导出</translation>
        </message>
        <message>
            <source>%1: choose a file name ending in .png or .svg</source>
            <translation>%1：请选择以 .png 或 .svg 结尾的文件名</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Watch POSIX shared memory between processes while it happens. Without options: the built-in demo.</source>
            <translation>实时观察进程之间的 POSIX 共享内存。不带选项时：运行内置演示。</translation>
        </message>
        <message>
            <source>Open segment NAME at launch.</source>
            <translation>启动时打开名为 NAME 的共享内存段。</translation>
        </message>
        <message>
            <source>Layout of the attached segment, e.g. "counter:i; values:d[4]".</source>
            <translation>所附加共享内存段的布局，例如 "counter:i; values:d[4]"。</translation>
        </message>
        <message>
            <source>Poll rate, 1–120 Hz (default 30).</source>
            <translation>轮询频率，1–120 Hz（默认 30）。</translation>
        </message>
        <message>
            <source>Render the window offscreen to PNG FILE after the first poll, then exit.</source>
            <translation>第一次轮询后把窗口离屏渲染为 PNG 文件 FILE，然后退出。</translation>
        </message>
        <message>
            <source>Window size, e.g. 1440x900.</source>
            <translation>窗口大小，例如 1440x900。</translation>
        </message>
        <message>
            <source>Wait MS milliseconds after the first poll before capturing (default 0).</source>
            <translation>第一次轮询后等待 MS 毫秒再截图（默认 0）。</translation>
        </message>
        <message>
            <source>unexpected argument '%1' (see --help)</source>
            <translation>意外的参数 '%1'（参见 --help）</translation>
        </message>
        <message>
            <source>--layout needs --attach NAME</source>
            <translation>--layout 需要 --attach NAME</translation>
        </message>
        <message>
            <source>--layout: %1</source>
            <translation>--layout：%1</translation>
        </message>
        <message>
            <source>--poll-hz %1: expected a whole number from %2 to %3</source>
            <translation>--poll-hz %1：应为 %2 到 %3 之间的整数</translation>
        </message>
        <message>
            <source>--screenshot-delay %1: expected 0 to 10000 ms</source>
            <translation>--screenshot-delay %1：应为 0 到 10000 毫秒</translation>
        </message>
        <message>
            <source>User interface language: en or zh_CN (default: the saved choice, else the system's).</source>
            <translation>界面语言：en 或 zh_CN（默认：已保存的选择，否则跟随系统）。</translation>
        </message>
        <message>
            <source>Start in presentation mode (F5): large text, high contrast.</source>
            <translation>以演示模式（F5）启动：大字体、高对比度。</translation>
        </message>
        <message>
            <source>--language %1: expected one of: %2</source>
            <translation>--language %1：应为以下之一：%2</translation>
        </message>
        <message>
            <source>Open a lesson instead of the demo: a built-in id or number, or a file.</source>
            <translation>打开一个课程实验而不是演示：内置实验的 id 或编号，或一个文件。</translation>
        </message>
        <message>
            <source>With --experiment: start it and release N steps round robin (for slides).</source>
            <translation>与 --experiment 一起使用：启动实验并轮流放行 N 步（用于幻灯片）。</translation>
        </message>
        <message>
            <source>--steps needs --experiment</source>
            <translation>--steps 需要 --experiment</translation>
        </message>
        <message>
            <source>--steps %1: expected 0 to 10000</source>
            <translation>--steps %1：应为 0 到 10000</translation>
        </message>
        <message>
            <source>give --attach or --experiment, not both</source>
            <translation>--attach 和 --experiment 只能给出一个</translation>
        </message>
    </context>
</TS>
