// SyncStateModel without widgets: rows merged by name, precise dataChanged, the state text and badge
// of every kind.

#include "syncstatemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ShmScope;

namespace {

SyncState makeState(const QString &name, const QString &kind)
{
    SyncState state;
    state.name = name;
    state.kind = kind;
    return state;
}

QStringList namesOf(const SyncStateModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, SyncStateModel::NameColumn).data().toString();
    return names;
}

} // namespace

Q_DECLARE_METATYPE(ShmScope::SyncState)

class TestSyncStateModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void stateTextAndBadge_data();
    void stateTextAndBadge();
    void rowsAreMergedByName();
    void dataChangedIsPrecise();
    void unchangedReadingEmitsNothing();
    void deadOwnerIsShown();
};

void TestSyncStateModel::stateTextAndBadge_data()
{
    QTest::addColumn<SyncState>("state");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("badge");

    using Badge = SyncStateModel::Badge;
    QTest::addRow("lock free") << makeState(QStringLiteral("a"), QStringLiteral("Lock")) << QStringLiteral("free") << int(Badge::Free);
    SyncState held = makeState(QStringLiteral("a"), QStringLiteral("Lock"));
    held.held = true;
    held.owner = 42;
    QTest::addRow("lock held") << held << QStringLiteral("held") << int(Badge::Held);
    SyncState rlock = makeState(QStringLiteral("r"), QStringLiteral("RLock"));
    rlock.held = true;
    rlock.owner = 42;
    rlock.depth = 3;
    QTest::addRow("rlock depth 3") << rlock << QStringLiteral("held ×3") << int(Badge::Held);
    SyncState dead = held;
    dead.ownerAlive = false;
    QTest::addRow("owner died") << dead << QStringLiteral("owner died") << int(Badge::OwnerDied);
    SyncState semaphore = makeState(QStringLiteral("s"), QStringLiteral("Semaphore"));
    semaphore.count = 3;
    QTest::addRow("semaphore 3") << semaphore << QStringLiteral("3 available") << int(Badge::Available);
    semaphore.count = 0;
    QTest::addRow("semaphore 0") << semaphore << QStringLiteral("0 — blocks") << int(Badge::Exhausted);
    SyncState event = makeState(QStringLiteral("e"), QStringLiteral("Event"));
    QTest::addRow("event clear") << event << QStringLiteral("clear") << int(Badge::Clear);
    event.flag = true;
    QTest::addRow("event set") << event << QStringLiteral("set") << int(Badge::Set);
    SyncState barrier = makeState(QStringLiteral("b"), QStringLiteral("Barrier"));
    barrier.parties = 3;
    barrier.waiting = 2;
    QTest::addRow("barrier waiting") << barrier << QStringLiteral("2 of 3 waiting") << int(Badge::Waiting);
    barrier.broken = true;
    QTest::addRow("barrier broken") << barrier << QStringLiteral("broken") << int(Badge::Broken);
    SyncState condition = makeState(QStringLiteral("c"), QStringLiteral("Condition"));
    condition.held = true;
    QTest::addRow("condition held") << condition << QStringLiteral("held") << int(Badge::Held);
}

void TestSyncStateModel::stateTextAndBadge()
{
    QFETCH(SyncState, state);
    QFETCH(QString, text);
    QFETCH(int, badge);

    SyncStateModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStates({state});
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex stateIndex = model.index(0, SyncStateModel::StateColumn);
    QCOMPARE(stateIndex.data().toString(), text);
    QCOMPARE(stateIndex.data(SyncStateModel::BadgeRole).toInt(), badge);
    QCOMPARE(model.index(0, SyncStateModel::KindColumn).data().toString(), state.kind);
}

void TestSyncStateModel::rowsAreMergedByName()
{
    SyncStateModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    model.setStates({makeState(QStringLiteral("c"), QStringLiteral("Lock")), makeState(QStringLiteral("a"), QStringLiteral("Event"))});
    QCOMPARE(namesOf(model), (QStringList{QStringLiteral("a"), QStringLiteral("c")}));
    QCOMPARE(inserted.count(), 2);

    model.setStates({makeState(QStringLiteral("b"), QStringLiteral("Semaphore")), makeState(QStringLiteral("c"), QStringLiteral("Lock")),
                     makeState(QStringLiteral("d"), QStringLiteral("Barrier"))});
    QCOMPARE(namesOf(model), (QStringList{QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")}));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 4);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowOf(QStringLiteral("d")), 2);
    QCOMPARE(model.rowOf(QStringLiteral("a")), -1);

    model.setStates({});
    QCOMPARE(model.rowCount(), 0);
}

void TestSyncStateModel::dataChangedIsPrecise()
{
    SyncStateModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SyncState lock = makeState(QStringLiteral("lock"), QStringLiteral("Lock"));
    const SyncState event = makeState(QStringLiteral("ev"), QStringLiteral("Event"));
    model.setStates({event, lock});

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    lock.held = true;
    lock.owner = 1234;
    lock.acquisitions = 1;
    model.setStates({event, lock});

    // Row 1 ("lock"): State + Owner (adjacent) in one range, Acquired in another; nothing on row 0.
    QCOMPARE(changed.count(), 2);
    const QModelIndex firstTopLeft = changed.at(0).at(0).toModelIndex();
    const QModelIndex firstBottomRight = changed.at(0).at(1).toModelIndex();
    QCOMPARE(firstTopLeft.row(), 1);
    QCOMPARE(firstTopLeft.column(), int(SyncStateModel::StateColumn));
    QCOMPARE(firstBottomRight.column(), int(SyncStateModel::OwnerColumn));
    QCOMPARE(changed.at(1).at(0).toModelIndex().column(), int(SyncStateModel::AcquisitionsColumn));
    QCOMPARE(changed.at(1).at(1).toModelIndex().column(), int(SyncStateModel::AcquisitionsColumn));
    QCOMPARE(model.index(1, SyncStateModel::OwnerColumn).data().toString(), QStringLiteral("1234"));
}

void TestSyncStateModel::unchangedReadingEmitsNothing()
{
    SyncStateModel model;
    SyncState semaphore = makeState(QStringLiteral("s"), QStringLiteral("BoundedSemaphore"));
    semaphore.count = 2;
    semaphore.maxCount = 4;
    model.setStates({semaphore});
    QCOMPARE(model.index(0, SyncStateModel::CountColumn).data().toString(), QStringLiteral("2 / 4"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setStates({semaphore});
    QCOMPARE(changed.count(), 0);
    QCOMPARE(inserted.count(), 0);
}

void TestSyncStateModel::deadOwnerIsShown()
{
    SyncStateModel model;
    SyncState lock = makeState(QStringLiteral("lock"), QStringLiteral("Lock"));
    lock.held = true;
    lock.owner = 777;
    lock.ownerAlive = false;
    lock.ownerDiedRecoveries = 2;
    lock.lastDeadOwner = 776;
    model.setStates({lock});
    QCOMPARE(model.index(0, SyncStateModel::OwnerColumn).data().toString(), QStringLiteral("777 (dead)"));
    QCOMPARE(model.index(0, SyncStateModel::RecoveriesColumn).data().toULongLong(), quint64(2));
    const QString tip = model.index(0, SyncStateModel::StateColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QLatin1String("776")), qPrintable(tip));
}

QTEST_GUILESS_MAIN(TestSyncStateModel)
#include "tst_syncstatemodel.moc"
