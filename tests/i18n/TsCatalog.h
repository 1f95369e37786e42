// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/// One message of a Qt Linguist catalog.
struct TsMessage
{
    QString context;
    QString source;
    QString comment; ///< the disambiguation, empty when none
    bool numerus = false;
    QString type; ///< the translation's type: empty (finished), "unfinished", "vanished", "obsolete"
    QStringList translations; ///< one text, or the plural forms

    /// "Context: source" for messages in test output.
    QString label() const;
};

/// A .ts file as the i18n tests read it: its language and messages, in file order.
class TsCatalog
{
public:
    /// The lines of a list translations/CMakeLists.txt writes into the build tree: "translation-catalogs.txt"
    /// (the committed .ts files), "translatable-sources.txt", "translation-includes.txt".
    static QStringList listedInBuild(const QString &listName);
    /// The committed catalogs the build compiles.
    static QStringList committedCatalogs()
    {
        return listedInBuild(QStringLiteral("translation-catalogs.txt"));
    }

    /// Reads `path`; on failure returns nullopt and says why in `error`.
    static std::optional<TsCatalog> read(const QString &path, QString *error);

    QString language() const { return m_language; }
    const QList<TsMessage> &messages() const { return m_messages; }
    const TsMessage *find(const QString &context, const QString &source, const QString &comment) const;

    /// How many plural forms Qt uses for a catalog language ("de_DE" 2, "ja_JP" 1).
    static int pluralFormCount(const QString &language);
    /// The placeholders of a text, sorted: %1 … %99, %L1, %n, %Ln.
    static QStringList placeholders(const QString &text);
    /// The keyboard accelerators of a text ("&File" 1, "&&" 0, "ファイル(&F)" 1).
    static int acceleratorCount(const QString &text);
    /// The HTML tags of a text, sorted.
    static QStringList htmlTags(const QString &text);

private:
    QString m_language;
    QList<TsMessage> m_messages;
};
