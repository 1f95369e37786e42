// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "help/ShortcutCatalog.h"

#include "common/AccessKeyText.h"

#include <QAbstractButton>
#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace {

QString nativeText(const QList<QKeySequence> &keys)
{
    QStringList parts;
    for (const QKeySequence &key : keys)
        parts.append(key.toString(QKeySequence::NativeText));
    return parts.join(ShortcutCatalog::tr(" or "));
}

/// The accessible name of the closest named container of `widget` inside `window`: where a person finds it.
QString areaName(const QWidget *widget, const QWidget *window)
{
    for (const QWidget *w = widget->parentWidget(); w && w != window; w = w->parentWidget()) {
        if (!w->accessibleName().isEmpty())
            return w->accessibleName();
    }
    return {};
}

/// Where a widget-bound shortcut works, e.g. "when Sessions has the focus"; empty for window-wide ones.
QString contextText(const QAction *action)
{
    if (action->shortcutContext() != Qt::WidgetShortcut &&
        action->shortcutContext() != Qt::WidgetWithChildrenShortcut)
        return {};
    QStringList names;
    for (QObject *object : action->associatedObjects()) {
        const auto *widget = qobject_cast<const QWidget *>(object);
        if (widget && !qobject_cast<const QMenu *>(widget) && !widget->accessibleName().isEmpty())
            names.append(widget->accessibleName());
    }
    return names.isEmpty() ? QString()
                           : ShortcutCatalog::tr("when %1 has the focus").arg(names.join(u", "_s));
}

/// Whether `action`'s shortcut can fire in `window`: it is attached to a widget of that window.
bool belongsTo(const QAction *action, const QWidget *window)
{
    for (QObject *object : action->associatedObjects()) {
        const auto *widget = qobject_cast<const QWidget *>(object);
        if (widget && !qobject_cast<const QMenu *>(widget) && widget->window() == window)
            return true;
    }
    return false;
}

QString joinMenuKeys(const QStringList &parts)
{
    if (parts.size() < 2)
        return parts.value(0);
    return ShortcutCatalog::tr("%1, then %2").arg(parts.mid(0, parts.size() - 1).join(u", "_s), parts.last());
}

} // namespace

QString ShortcutCatalog::plainText(const QString &text)
{
    QString out = AccessKeyText::plain(text);
    out = out.trimmed();
    if (out.endsWith(u'…'))
        out.chop(1);
    else if (out.endsWith(u"..."_s))
        out.chop(3);
    return out.trimmed();
}

QString ShortcutCatalog::accessKey(const QString &text)
{
    // Qt's own reading of the marker, as for the menus and labels below.
    const QKeySequence mnemonic = QKeySequence::mnemonic(text);
    return mnemonic.isEmpty() ? QString() : QString(QChar(mnemonic[0].key()));
}

void ShortcutCatalog::addMenu(QList<Entry> &entries, QMenu *menu, const QStringList &path,
                              const QStringList &keys, QList<const QAction *> &seen)
{
    for (QAction *action : menu->actions()) {
        if (action->isSeparator() || !action->isVisible() || action->text().isEmpty())
            continue;
        const QString key = accessKey(action->text());
        QStringList actionKeys = keys;
        if (!actionKeys.isEmpty()) {
            if (key.isEmpty())
                actionKeys.clear(); // the menu can be opened, but this item has no access key
            else
                actionKeys.append(key);
        }
        if (QMenu *submenu = QMenu::menuInAction(action)) {
            addMenu(entries, submenu, path + QStringList{plainText(action->text())}, actionKeys, seen);
            continue;
        }
        if (seen.contains(action))
            continue;
        seen.append(action);
        Entry e;
        e.kind = Kind::Command;
        e.command = plainText(action->text());
        e.keys = action->shortcuts();
        e.menuPath = path;
        e.menuKeys = joinMenuKeys(actionKeys);
        e.where = tr("%1 menu").arg(path.join(u" › "_s));
        if (const QString context = contextText(action); !context.isEmpty())
            e.where = tr("%1; %2").arg(e.where, context);
        e.keysText = e.keys.isEmpty() ? e.menuKeys : nativeText(e.keys);
        e.action = action;
        entries.append(e);
    }
}

QList<ShortcutCatalog::Entry> ShortcutCatalog::entries(const QWidget *window)
{
    QList<Entry> entries;
    QList<const QAction *> seen;
    QList<QWidget *> widgets;
    for (QWidget *w : window->findChildren<QWidget *>()) {
        // Dialogs and popups are windows of their own, with their own keys.
        if (w->window() == window)
            widgets.append(w);
    }

    // The menu bar, in its order: each menu, then the items in it.
    for (const QWidget *w : std::as_const(widgets)) {
        const auto *bar = qobject_cast<const QMenuBar *>(w);
        if (!bar)
            continue;
        for (QAction *menuAction : bar->actions()) {
            QMenu *menu = QMenu::menuInAction(menuAction);
            if (!menu || !menuAction->isVisible())
                continue;
            Entry e;
            e.kind = Kind::Menu;
            const QString title = plainText(menuAction->text());
            e.command = tr("Open the %1 menu").arg(title);
            e.where = tr("Menu bar");
            const QKeySequence key = QKeySequence::mnemonic(menuAction->text());
            if (!key.isEmpty())
                e.keys.append(key);
            e.keysText = nativeText(e.keys);
            e.action = menuAction;
            entries.append(e);
            addMenu(entries, menu, {title}, key.isEmpty() ? QStringList() : QStringList{e.keysText}, seen);
        }
    }

    // Shortcuts of actions that are in no menu (on the window or on one of its widgets).
    QList<QAction *> windowActions = window->actions();
    for (const QWidget *w : std::as_const(widgets))
        windowActions += w->actions();
    for (QAction *action : std::as_const(windowActions)) {
        if (seen.contains(action) || action->shortcuts().isEmpty() || !belongsTo(action, window))
            continue;
        seen.append(action);
        Entry e;
        e.kind = Kind::Command;
        e.command = plainText(action->text());
        e.keys = action->shortcuts();
        const QString context = contextText(action);
        e.where = context.isEmpty() ? tr("Anywhere in the window") : context;
        e.keysText = nativeText(e.keys);
        e.action = action;
        entries.append(e);
    }

    // Access keys of the labels that name a field: Alt+letter moves to the field.
    for (const QWidget *w : std::as_const(widgets)) {
        const auto *label = qobject_cast<const QLabel *>(w);
        if (!label || !label->isVisible() || !label->buddy() || !label->buddy()->isVisible())
            continue;
        const QKeySequence key = QKeySequence::mnemonic(label->text());
        if (key.isEmpty())
            continue;
        QWidget *field = label->buddy();
        QString name = field->accessibleName();
        if (name.isEmpty())
            name = AccessKeyText::labelName(label->text());
        Entry e;
        e.kind = Kind::Field;
        e.command = tr("Go to %1").arg(name);
        e.keys = {key};
        e.where = areaName(field, window);
        e.keysText = nativeText(e.keys);
        e.widget = field;
        entries.append(e);
    }

    // Access keys of the buttons shown now (a toolbar's buttons are its actions, listed above).
    for (QWidget *w : std::as_const(widgets)) {
        auto *button = qobject_cast<QAbstractButton *>(w);
        if (!button || !button->isVisible() || button->shortcut().isEmpty() ||
            qobject_cast<const QToolBar *>(button->parentWidget()))
            continue;
        Entry e;
        e.kind = Kind::Button;
        e.command = button->text().isEmpty() ? button->accessibleName() : plainText(button->text());
        e.keys = {button->shortcut()};
        e.where = areaName(button, window);
        e.keysText = nativeText(e.keys);
        e.widget = button;
        entries.append(e);
    }

    // What Qt gives every window; listed so that the page is the one place to look.
    const auto navigation = [&entries](const QList<QKeySequence> &keys, const QString &command,
                                       const QString &where) {
        Entry e;
        e.kind = Kind::Navigation;
        e.command = command;
        e.keys = keys;
        e.where = where;
        QStringList parts;
        for (const QKeySequence &key : keys)
            parts.append(key.toString(QKeySequence::NativeText));
        e.keysText = parts.join(u", "_s);
        entries.append(e);
    };
    navigation({QKeySequence(Qt::Key_Tab)}, tr("Go to the next control"), tr("Anywhere"));
    navigation({QKeySequence(Qt::SHIFT | Qt::Key_Tab)}, tr("Go to the previous control"), tr("Anywhere"));
    navigation({QKeySequence(Qt::Key_Space)}, tr("Press the focused button or tick the focused box"),
               tr("Anywhere"));
    navigation({QKeySequence(Qt::Key_Up), QKeySequence(Qt::Key_Down), QKeySequence(Qt::Key_PageUp),
                QKeySequence(Qt::Key_PageDown), QKeySequence(Qt::Key_Home), QKeySequence(Qt::Key_End)},
               tr("Move through a list (the session list loads more at its end)"), tr("Lists"));
    navigation({QKeySequence(Qt::SHIFT | Qt::Key_Up), QKeySequence(Qt::SHIFT | Qt::Key_Down)},
               tr("Select several sessions"), tr("Session list"));
    navigation({QKeySequence(Qt::Key_Escape)}, tr("Close a dialog, menu or drop-down list"), tr("Anywhere"));
    return entries;
}
