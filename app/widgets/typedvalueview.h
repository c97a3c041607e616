#pragma once

#include <QHash>
#include <QTimer>
#include <QTreeView>

namespace ShmScope {

class TypedValueModel;

// The typed view of a TypedValueModel: values that just changed glow and fade like the byte grid's
// bytes, a value Python wrapped is marked with its reason, and a value is edited in place.
class TypedValueView : public QTreeView {
    Q_OBJECT
public:
    explicit TypedValueView(QWidget *parent = nullptr);
    void setTypedModel(TypedValueModel *model);
    qreal flashLevel(const QModelIndex &index) const; // 1 just changed, 0 after a second
    // While set, changes are not flashed: a new segment or window is not a change.
    void setFlashSuppressed(bool suppressed) { m_flashSuppressed = suppressed; }

private:
    void valuesChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    static quint64 keyOf(const QModelIndex &index);

    QHash<quint64, qint64> m_changedAtNs; // (field, element) -> CLOCK_MONOTONIC of the last change
    QTimer m_fadeTimer;
    bool m_flashSuppressed = false;
};

} // namespace ShmScope
