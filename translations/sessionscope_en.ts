<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Command</name>
    <message numerus="yes">
        <source>CA bundle: %1 (%2), %n certificate(s)</source>
        <extracomment>%1 the file, %2 where it was named (&quot;--ca-bundle&quot;, &quot;AWS_CA_BUNDLE&quot;, &quot;profile dev&quot;)</extracomment>
        <translation>
            <numerusform>CA bundle: %1 (%2), %n certificate</numerusform>
            <numerusform>CA bundle: %1 (%2), %n certificates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigCommand</name>
    <message numerus="yes">
        <source>%1 (%n certificate(s))</source>
        <translation>
            <numerusform>%1 (%n certificate)</numerusform>
            <numerusform>%1 (%n certificates)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message numerus="yes">
        <source>%n portal(s)</source>
        <translation>
            <numerusform>%n portal</numerusform>
            <numerusform>%n portals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %n portal(s)</source>
        <translation>
            <numerusform>at least %n portal</numerusform>
            <numerusform>at least %n portals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExpireSessionsDialog</name>
    <message numerus="yes">
        <source>Expire %n active session(s)? Their users are disconnected at once. This cannot be undone.</source>
        <translation>
            <numerusform>Expire %n active session? Its user is disconnected at once. This cannot be undone.</numerusform>
            <numerusform>Expire %n active sessions? Their users are disconnected at once. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Expire %n session(s)</source>
        <translation>
            <numerusform>&amp;Expire %n session</numerusform>
            <numerusform>&amp;Expire %n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) expired.</source>
        <translation>
            <numerusform>%n session expired.</numerusform>
            <numerusform>%n sessions expired.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>The service sent %n session(s) twice; each is shown once.</source>
        <translation>
            <numerusform>The service sent %n session twice; it is shown once.</numerusform>
            <numerusform>The service sent %n sessions twice; each is shown once.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>AWS is limiting requests; retrying in %n s.</source>
        <translation>
            <numerusform>AWS is limiting requests; retrying in %n s.</numerusform>
            <numerusform>AWS is limiting requests; retrying in %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The network did not answer; retrying in %n s.</source>
        <translation>
            <numerusform>The network did not answer; retrying in %n s.</numerusform>
            <numerusform>The network did not answer; retrying in %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>AWS had a temporary problem; retrying in %n s.</source>
        <translation>
            <numerusform>AWS had a temporary problem; retrying in %n s.</numerusform>
            <numerusform>AWS had a temporary problem; retrying in %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s) as tab-separated values</source>
        <translation>
            <numerusform>Copied %n row as tab-separated values</numerusform>
            <numerusform>Copied %n rows as tab-separated values</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n session ID(s)</source>
        <translation>
            <numerusform>Copied %n session ID</numerusform>
            <numerusform>Copied %n session IDs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Expired %1 of %n session(s)</source>
        <translation>
            <numerusform>Expired %1 of %n session</numerusform>
            <numerusform>Expired %1 of %n sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionExporter</name>
    <message numerus="yes">
        <source>Exported %n session(s) to %1.</source>
        <translation>
            <numerusform>Exported %n session to %1.</numerusform>
            <numerusform>Exported %n sessions to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The export was cancelled after %n session(s); no file was written.</source>
        <translation>
            <numerusform>The export was cancelled after %n session; no file was written.</numerusform>
            <numerusform>The export was cancelled after %n sessions; no file was written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The export failed after %n session(s): %1 No file was written.</source>
        <translation>
            <numerusform>The export failed after %n session: %1 No file was written.</numerusform>
            <numerusform>The export failed after %n sessions: %1 No file was written.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message numerus="yes">
        <source>The service sent a page token it had already sent for this list, so loading stopped to avoid an endless loop (%n session(s) loaded).</source>
        <translation>
            <numerusform>The service sent a page token it had already sent for this list, so loading stopped to avoid an endless loop (%n session loaded).</numerusform>
            <numerusform>The service sent a page token it had already sent for this list, so loading stopped to avoid an endless loop (%n sessions loaded).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The service sent %1 pages in a row without a new session, so loading stopped (%n session(s) loaded).</source>
        <translation>
            <numerusform>The service sent %1 pages in a row without a new session, so loading stopped (%n session loaded).</numerusform>
            <numerusform>The service sent %1 pages in a row without a new session, so loading stopped (%n sessions loaded).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sorting by %1 needs every page loaded (%n session(s) loaded so far). Load all pages first; start time can always be sorted.</source>
        <translation>
            <numerusform>Sorting by %1 needs every page loaded (%n session loaded so far). Load all pages first; start time can always be sorted.</numerusform>
            <numerusform>Sorting by %1 needs every page loaded (%n sessions loaded so far). Load all pages first; start time can always be sorted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionsCommand</name>
    <message numerus="yes">
        <source>after %n session(s) were written</source>
        <translation>
            <numerusform>after %n session was written</numerusform>
            <numerusform>after %n sessions were written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>after %n session(s); no file was written</source>
        <translation>
            <numerusform>after %n session; no file was written</numerusform>
            <numerusform>after %n sessions; no file was written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln session</numerusform>
            <numerusform>%Ln sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s)</source>
        <translation>
            <numerusform>%Ln page</numerusform>
            <numerusform>%Ln pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln lookup(s)</source>
        <translation>
            <numerusform>, %Ln lookup</numerusform>
            <numerusform>, %Ln lookups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%Ln throttled, slowed down)</source>
        <translation>
            <numerusform> (%Ln throttled, slowed down)</numerusform>
            <numerusform> (%Ln throttled, slowed down)</numerusform>
        </translation>
    </message>
</context>
</TS>
