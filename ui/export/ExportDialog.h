// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/SessionSummary.h"
#include "aws/AwsError.h"
#include "export/ExportOptionsPage.h"
#include "sessions/ExportOptions.h"
#include "sessions/ExportProgress.h"
#include "sessions/SessionQuery.h"

#include <QDialog>
#include <QPointer>
#include <QTimer>

#include <memory>

class AppSettings;
class ExportProgressPage;
class QDialogButtonBox;
class QPushButton;
class QStackedWidget;
class ServiceGateway;
class SessionExporter;
class SessionLister;
class SessionTableModel;

/// "Export…": what to export (the selected rows, the loaded rows, or every session of the current
/// portal, filters and sort, paged from the service without touching the table), the format, the
/// columns, times and CSV options; then where (a file chooser with sessions-<portal>-<date>.<ext> in
/// the last folder), then the export itself with its progress and a Cancel. Each page is a widget of
/// its own (ExportOptionsPage, ExportProgressPage); setPhase() alone switches pages and buttons.
///
/// Every export runs through SessionExporter: the file appears only when complete, so a failure or a
/// cancel leaves nothing behind. Opened window-modal with open(); it never runs its own event loop. The
/// choices (folder, format, columns, options) are remembered in AppSettings when an export starts.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    using Scope = ExportOptionsPage::Scope;
    enum class Phase {
        Choosing, ///< the options page
        Running,  ///< the progress page, an export in flight
        Finished, ///< the progress page with the outcome
    };

    /// What the window offers to export.
    struct Source
    {
        SessionQuery query;                     ///< the current portal, filters and sort
        QString portalName;                     ///< its display name (file name, portalName column)
        QList<SessionSummary> selectedSessions; ///< the table's selected rows, in table order
        QPointer<SessionTableModel> model;      ///< its loaded rows are read when the export starts
        QString qBusinessInstanceId;            ///< empty: the Q App columns cannot be exported
    };

    /// `gateway` and `settings` must outlive the dialog (a gateway that goes away cancels the export).
    ExportDialog(ServiceGateway *gateway, AppSettings *settings, const Source &source,
                 QWidget *parent = nullptr);
    ~ExportDialog() override;

    Phase phase() const { return m_phase; }
    Scope scope() const;
    void setScope(Scope scope);
    /// The options the controls describe now.
    ExportOptions options() const;
    /// The file of the export running or last run; empty before the first.
    QString targetPath() const { return m_targetPath; }
    /// The outcome of the last export in one sentence (SessionExporter::summary); empty before.
    QString outcomeText() const { return m_outcome; }
    bool lastExportSucceeded() const { return m_succeeded; }
    ExportProgress progress() const;
    /// The file name offered for the current portal, format and today's date, in the last folder.
    QString suggestedPath() const;

public Q_SLOTS:
    /// The connection's Amazon Q Business instance changed: the Q App columns become (un)available.
    void setQBusinessInstanceId(const QString &instanceId);
    /// The Export… button: asks for the file, then starts.
    void chooseFileAndExport();
    /// Starts exporting to `path` at once (the file chooser's answer does this). False, with the reason
    /// shown, when the choices cannot produce a file or an export is running.
    bool startExport(const QString &path);
    /// Stops the running export; its file is discarded.
    void cancelExport();
    /// While an export runs, Esc, Close and the window's close button cancel it instead of closing.
    void reject() override;

Q_SIGNALS:
    /// The user asked to set the Amazon Q Business instance ID (the window owns that setting).
    void configureInstanceRequested();
    void exportStarted(const QString &path);
    void progressChanged(const ExportProgress &progress);
    /// Every started export ends with this; `summary` is one sentence for the window's status bar.
    void exportFinished(bool ok, const QString &summary);

private:
    /// What is visible, enabled, default and focused in each phase: the one place that decides it.
    void setPhase(Phase phase);
    void restoreChoices();
    void saveChoices();
    void updateScopeTexts();
    void updateControls();
    void updateQAppAvailability();
    void updateProgress();
    void onExportFinished(bool ok, const AwsError &error, qint64 rows);
    /// Why the choices cannot be exported now; empty when they can.
    QString problem() const;
    QString progressTitle(Scope scope) const;
    QList<SessionSummary> sessionsInScope() const;
    QString portalLabel() const;

    QPointer<ServiceGateway> m_gateway;
    AppSettings *m_settings;
    Source m_source;
    Phase m_phase = Phase::Choosing;
    Scope m_runningScope = Scope::AllMatching;
    ExportOptions m_runningOptions;
    QString m_targetPath;
    QString m_outcome;
    bool m_succeeded = false;
    bool m_throttleNoticed = false;

    // The lister of an in-memory export is declared before the exporter, so it outlives it.
    std::unique_ptr<SessionLister> m_rowsLister;
    std::unique_ptr<SessionExporter> m_exporter;
    qint64 m_rowsTotal = -1; ///< rows to write when known (selected/loaded), else -1
    QTimer m_progressTimer;  ///< elapsed time and lookups move between pages too

    QStackedWidget *m_pagesStackedWidget = nullptr;
    ExportOptionsPage *m_optionsPage = nullptr;
    ExportProgressPage *m_progressPage = nullptr;
    QDialogButtonBox *m_buttonBox = nullptr;
    QPushButton *m_exportPushButton = nullptr;
    QPushButton *m_cancelPushButton = nullptr;
    QPushButton *m_stopPushButton = nullptr;
    QPushButton *m_backPushButton = nullptr;
    QPushButton *m_closePushButton = nullptr;
};
