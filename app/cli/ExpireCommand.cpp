// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ExpireCommand.h"

#include "api/WorkSpacesWebClient.h"

#include <QTextStream>

using namespace Qt::StringLiterals;

void ExpireCommand::run()
{
    if (!arguments().assumeYes) {
        if (!context().inIsTerminal || !context().in) {
            writeErr(tr("sessionscope-cli: expire needs --yes when not run from a terminal"));
            done(CliExitCode::Usage);
            return;
        }
        if (!confirmed()) {
            writeErr(tr("Not expired."));
            done(CliExitCode::Cancelled);
            return;
        }
    }
    web()->expireSession(arguments().portalId, arguments().sessionId, this,
                         printAnswer<std::monostate>([this](const std::monostate &) {
                             writeOut(tr("Session %1 expired.\n").arg(arguments().sessionId).toUtf8());
                         }));
}

bool ExpireCommand::confirmed()
{
    //: The answers read are always y or yes (in English), whatever the language.
    context().err->write(tr("End session %1 of portal %2? The user is disconnected. [y/N] ")
                             .arg(arguments().sessionId, arguments().portalId)
                             .toUtf8());
    // A blocking read is fine here: nothing else runs before the user answers.
    QTextStream in(context().in);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == u"y" || answer == u"yes";
}
