// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/ExportFileChooser.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

std::optional<QString> ExportFileChooser::s_nextFileName;
QString ExportFileChooser::s_lastSuggestedPath;

void ExportFileChooser::setNextFileName(const QString &path)
{
    s_nextFileName = path;
}

QString ExportFileChooser::lastSuggestedPath()
{
    return s_lastSuggestedPath;
}

void ExportFileChooser::chooseSaveFile(QWidget *parent, const QString &title, const QString &suggestedPath,
                                       const QString &nameFilter, const QString &defaultSuffix,
                                       Callback callback)
{
    s_lastSuggestedPath = suggestedPath;
    if (s_nextFileName) {
        const QString path = *std::exchange(s_nextFileName, std::nullopt);
        if (!path.isEmpty()) {
            QPointer<QWidget> guard(parent);
            // Answer later, as the dialog would: the caller's state is settled before the callback runs.
            QTimer::singleShot(0, parent, [guard, path, callback = std::move(callback)] {
                if (guard)
                    callback(path);
            });
        }
        return;
    }

    auto *dialog = new QFileDialog(parent, title);
    dialog->setObjectName(u"exportFileDialog"_s);
    dialog->setAccessibleName(title);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setNameFilters({nameFilter, QCoreApplication::translate("ExportFileChooser", "All files (*)")});
    dialog->setDefaultSuffix(defaultSuffix);
    const QFileInfo suggested(suggestedPath);
    dialog->setDirectory(suggested.absolutePath());
    dialog->selectFile(suggested.fileName());
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog,
                     [callback = std::move(callback)](const QString &path) {
                         if (!path.isEmpty())
                             callback(path);
                     });
    dialog->open();
}
