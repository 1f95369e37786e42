// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessions/ExportOptions.h"
#include "sessions/SessionQuery.h"

#include <QHash>
#include <QSet>
#include <QWidget>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QRadioButton;

/// The export dialog's first page: which sessions (the scope), the format with its time and CSV options,
/// and the columns. It knows nothing of the service or the table; the dialog tells it what each scope
/// holds and whether the Amazon Q Apps columns can be had, and shows here why an export cannot start.
class ExportOptionsPage : public QWidget
{
    Q_OBJECT

public:
    enum class Scope {
        SelectedRows,
        LoadedRows,
        AllMatching, ///< every session of the query, fetched from the service
    };

    /// What the scope choices can offer now.
    struct ScopeCounts
    {
        int selected = 0;
        int loaded = 0;
        bool loadedIsComplete = false; ///< the table holds the whole list
        bool serviceReachable = false; ///< a portal is chosen and the service can be asked
    };

    explicit ExportOptionsPage(QWidget *parent = nullptr);

    Scope scope() const;
    void setScope(Scope scope);
    /// The options the controls describe now; unavailable (Q App) columns are not among them.
    ExportOptions options() const;
    /// Shows `options`: format, columns, times and CSV options.
    void setOptions(const ExportOptions &options);
    /// The chosen columns and the Q App columns wished for while they cannot be chosen: what to remember.
    QList<ExportColumn> rememberedColumns() const;

    void setScopeCounts(const ScopeCounts &counts);
    /// Describes the every-matching-session choice: `portalLabel` and the query's filters and sort.
    void setQuery(const SessionQuery &query, const QString &portalLabel);
    /// Without an Amazon Q Business instance the Q App columns are off, with a note and, when
    /// `canSetInstance`, a button to set one.
    void setQAppAvailable(bool available, bool canSetInstance);
    /// Why the export cannot start (or how the last one failed); empty hides it.
    void setProblem(const QString &problem);

Q_SIGNALS:
    /// The scope, the format or a column changed.
    void choicesChanged();
    /// The user asked to set the Amazon Q Business instance ID.
    void configureInstanceRequested();

private:
    QWidget *createScopeBox();
    QWidget *createFormatBox();
    QWidget *createColumnsBox();
    QCheckBox *addColumnCheckBox(ExportColumn column, const QString &text, const QString &toolTip);
    void setColumns(const QList<ExportColumn> &columns);
    void onChoiceChanged();

    // Q App columns the user wants while they cannot be chosen (no instance id); restored with one.
    QSet<ExportColumn> m_wantedQAppColumns;

    QLabel *m_problemLabel = nullptr;
    QButtonGroup *m_scopeButtonGroup = nullptr;
    QRadioButton *m_selectedRadioButton = nullptr;
    QRadioButton *m_loadedRadioButton = nullptr;
    QRadioButton *m_allRadioButton = nullptr;
    QLabel *m_queryLabel = nullptr;
    QComboBox *m_formatComboBox = nullptr;
    QRadioButton *m_utcRadioButton = nullptr;
    QRadioButton *m_localRadioButton = nullptr;
    QCheckBox *m_bomCheckBox = nullptr;
    QCheckBox *m_spreadsheetSafeCheckBox = nullptr;
    QHash<ExportColumn, QCheckBox *> m_columnCheckBoxes;
    QLabel *m_qAppNoteLabel = nullptr;
    QPushButton *m_setInstancePushButton = nullptr;
};
