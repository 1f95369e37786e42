// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QKeySequence>
#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>

class QAction;
class QMenu;
class QWidget;

/// Everything a window can be driven with from the keyboard, read from the window itself when asked: the
/// shortcuts of its actions (with the menu each one is in), the menus of its menu bar, the access keys of
/// its field labels and buttons, and the keys Qt gives every window. Because nothing is written down twice,
/// the list cannot fall behind the code.
class ShortcutCatalog
{
    Q_DECLARE_TR_FUNCTIONS(ShortcutCatalog)

public:
    enum class Kind {
        Command,    ///< a QAction with a shortcut, or an item of the menu bar's menus
        Menu,       ///< a menu of the menu bar (Alt+letter)
        Field,      ///< a label's access key that moves the focus to its field
        Button,     ///< a visible button's access key
        Navigation, ///< Tab, arrows and the like: Qt's own keys
    };

    struct Entry
    {
        Kind kind = Kind::Command;
        QString command;          ///< what the keys do, without access key markers: "Refresh"
        QList<QKeySequence> keys; ///< the shortcuts; empty for a menu item that has none
        QStringList menuPath;     ///< menu titles from the menu bar down, e.g. {"Help"}; empty if in no menu
        QString menuKeys;         ///< how to reach a menu item by its access keys: "Alt+H, then A"
        QString where;            ///< where it applies: "Help menu", "only in Sessions", ...
        QString keysText;         ///< keys for display in native form ("Ctrl+K or F1"), else menuKeys
        QPointer<QAction> action; ///< the action itself, for Command entries
        QPointer<QWidget> widget; ///< the label's field or the button, for Field and Button entries
    };

    /// The entries of `window`, in menu bar order, then other window shortcuts, fields, buttons and Qt's
    /// navigation keys. Hidden fields and buttons are left out: their keys do nothing now.
    static QList<Entry> entries(const QWidget *window);

    /// "&Copy rows…" → "Copy rows": the text a person reads, without access key markers or an ellipsis.
    static QString plainText(const QString &text);
    /// The letter after the single '&' of `text` ("&Help" → "H"), or an empty string.
    static QString accessKey(const QString &text);

private:
    static void addMenu(QList<Entry> &entries, QMenu *menu, const QStringList &path, const QStringList &keys,
                        QList<const QAction *> &seen);
};
