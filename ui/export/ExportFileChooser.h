// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>
#include <optional>

class QWidget;

/// Asks where to save an export: a window-modal QFileDialog opened with open() (never exec()), so the
/// event loop keeps running. Tests answer the next question in advance with setNextFileName(), as
/// KeePassXC's FileDialog does, and no dialog is shown.
class ExportFileChooser
{
public:
    using Callback = std::function<void(const QString &path)>;

    /// Offers `suggestedPath` (folder and file name); `callback` runs with the chosen path on a later
    /// event-loop turn, or never when the user cancels or `parent` is destroyed first. The dialog
    /// confirms before replacing an existing file and appends `defaultSuffix` to a name without one.
    static void chooseSaveFile(QWidget *parent, const QString &title, const QString &suggestedPath,
                               const QString &nameFilter, const QString &defaultSuffix, Callback callback);

    /// Tests: the next chooseSaveFile() shows nothing and answers `path` (an empty path: as if the user
    /// cancelled). One answer per call.
    static void setNextFileName(const QString &path);
    /// Tests: the path the last chooseSaveFile() offered.
    static QString lastSuggestedPath();

private:
    static std::optional<QString> s_nextFileName;
    static QString s_lastSuggestedPath;
};
