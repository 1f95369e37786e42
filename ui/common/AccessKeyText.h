// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// Text with Qt's access key markers, as a person reads it. Every place that shows a menu, button or label
/// text somewhere else (tooltips, accessible names, the shortcuts page) goes through here, so that all of
/// them agree in every language.
class AccessKeyText
{
public:
    /// "&Refresh" → "Refresh", "R&&D" → "R&D", and the form Japanese and Chinese use, where the key's
    /// letter is added in brackets: "更新(&R)" → "更新", "エクスポート(&E)…" → "エクスポート…".
    static QString plain(const QString &text);
};
