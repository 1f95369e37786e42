// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/SessionStatusLine.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

using namespace Qt::StringLiterals;

SessionStatusLine::SessionStatusLine(QWidget *parent)
    : QWidget(parent)
    , m_countLabel(new QLabel(this))
    , m_busyProgressBar(new QProgressBar(this))
    , m_loadAllButton(new QPushButton(tr("Load &all"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
{
    setObjectName(u"sessionStatusLineWidget"_s);
    setAccessibleName(tr("Session list status"));
    m_countLabel->setObjectName(u"sessionCountLabel"_s);
    m_countLabel->setAccessibleName(tr("Sessions loaded"));
    m_busyProgressBar->setObjectName(u"pageBusyProgressBar"_s);
    m_busyProgressBar->setAccessibleName(tr("Loading sessions"));
    m_busyProgressBar->setRange(0, 0);
    m_busyProgressBar->setTextVisible(false);
    m_busyProgressBar->setMaximumWidth(120);
    m_busyProgressBar->setMaximumHeight(12);
    m_loadAllButton->setObjectName(u"loadAllPushButton"_s);
    m_loadAllButton->setAccessibleName(tr("Load all sessions"));
    m_loadAllButton->setToolTip(tr("Load every page of this list (needed to sort by columns other than "
                                   "Start time)"));
    m_cancelButton->setObjectName(u"cancelLoadAllPushButton"_s);
    m_cancelButton->setAccessibleName(tr("Cancel loading all sessions"));

    // Any width the status bar gives beyond the size hint goes before the text, never into the buttons.
    m_countLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_loadAllButton->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_cancelButton->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_countLabel);
    layout->addWidget(m_busyProgressBar);
    layout->addWidget(m_loadAllButton);
    layout->addWidget(m_cancelButton);

    connect(m_loadAllButton, &QPushButton::clicked, this, &SessionStatusLine::loadAllRequested);
    connect(m_cancelButton, &QPushButton::clicked, this, &SessionStatusLine::cancelRequested);
    setState({});
}

void SessionStatusLine::setState(const State &state)
{
    m_state = state;
    m_countLabel->setText(text());
    m_busyProgressBar->setVisible(state.busy || state.loadingAll);
    // Load all stays usable while a page is on its way (the model goes on from that page), so the
    // button never flickers out of the Tab order. Load all and Cancel take each other's place, and the
    // keyboard focus goes with them rather than jumping to the toolbar.
    const bool showLoadAll = state.canLoadAll();
    QPushButton *takesFocus = nullptr;
    if (m_loadAllButton->hasFocus() && state.loadingAll)
        takesFocus = m_cancelButton;
    else if (m_cancelButton->hasFocus() && showLoadAll)
        takesFocus = m_loadAllButton;
    if (takesFocus) {
        takesFocus->setVisible(true); // shown before the other hides, so the focus never leaves the line
        takesFocus->setFocus(Qt::OtherFocusReason);
    }
    m_loadAllButton->setVisible(showLoadAll);
    m_cancelButton->setVisible(state.loadingAll);
}

QString SessionStatusLine::text() const
{
    if (!m_state.active)
        return tr("No portal selected");
    // No "(s)" plural form: English has no catalogue yet, and the number reads the same either way.
    const QString count = tr("Sessions loaded: %L1").arg(m_state.loaded);
    if (m_state.loadingAll)
        return tr("%1 — loading all…").arg(count);
    if (m_state.busy)
        return tr("%1 — loading more…").arg(count);
    if (m_state.moreAvailable)
        return tr("%1 — more available").arg(count);
    return tr("%1 — all loaded").arg(count);
}
