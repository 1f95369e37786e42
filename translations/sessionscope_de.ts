<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About SessionScope</source>
        <translation>Über SessionScope</translation>
    </message>
    <message>
        <source>SessionScope icon</source>
        <translation>SessionScope-Symbol</translation>
    </message>
    <message>
        <source>SessionScope</source>
        <translation>SessionScope</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Browse the sessions of Amazon WorkSpaces Secure Browser portals and the sharing settings of Amazon Q Apps sessions.</source>
        <translation>Durchsuchen Sie die Sitzungen von Amazon WorkSpaces Secure Browser-Portalen und die Freigabeeinstellungen von Amazon Q Apps-Sitzungen.</translation>
    </message>
    <message>
        <source>Qt version</source>
        <translation>Qt-Version</translation>
    </message>
    <message>
        <source>Running on Qt %1, built with Qt %2.</source>
        <translation>Läuft mit Qt %1, erstellt mit Qt %2.</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>&lt;p&gt;Licence: GPL-3.0-or-later. SessionScope is free software: you may use, study, share and change it under the terms of the &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License&lt;/a&gt;, version 3 or any later version. It comes with no warranty, to the extent permitted by law.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Lizenz: GPL-3.0-or-later. SessionScope ist freie Software: Sie dürfen sie unter den Bedingungen der &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License&lt;/a&gt;, Version 3 oder jeder späteren Version, verwenden, untersuchen, weitergeben und verändern. Sie wird ohne jede Gewährleistung geliefert, soweit das Gesetz es zulässt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>Details &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy version details</source>
        <translation>Versionsdetails kopieren</translation>
    </message>
    <message>
        <source>Copy the versions of SessionScope, Qt and the system, e.g. for a bug report</source>
        <translation>Die Versionen von SessionScope, Qt und dem System kopieren, z. B. für einen Fehlerbericht</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>SessionScope %1
Qt %2 (built with Qt %3)
%4, %5</source>
        <translation>SessionScope %1
Qt %2 (erstellt mit Qt %3)
%4, %5</translation>
    </message>
</context>
<context>
    <name>ApiJson</name>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>&quot;%1&quot; should be %2, but is %3.</source>
        <extracomment>%1 is a JSON field path such as sessions[0].startTime; %2 and %3 name kinds of value (&quot;a string&quot;, &quot;a number&quot;, ...), translated separately.</extracomment>
        <translation>„%1“ sollte %2 sein, ist aber %3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing.</source>
        <translation>„%1“ fehlt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is empty.</source>
        <translation>„%1“ ist leer.</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a whole number from 0 to 2147483647</source>
        <translation>eine ganze Zahl von 0 bis 2147483647</translation>
    </message>
    <message>
        <source>The answer is not a JSON object.</source>
        <translation>Die Antwort ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The answer is not valid JSON (%1 at byte %2).</source>
        <translation>Die Antwort ist kein gültiges JSON (%1 bei Byte %2).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a plausible time (%2 seconds since 1970).</source>
        <translation>„%1“ ist keine plausible Zeit (%2 Sekunden seit 1970).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time: &quot;%2&quot;.</source>
        <translation>„%1“ ist keine Zeitangabe: „%2“.</translation>
    </message>
    <message>
        <source>a time (epoch seconds or ISO 8601)</source>
        <translation>eine Zeitangabe (Sekunden seit 1970 oder ISO 8601)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a plausible time: &quot;%2&quot;.</source>
        <translation>„%1“ ist keine plausible Zeit: „%2“.</translation>
    </message>
</context>
<context>
    <name>AppIdResolver</name>
    <message>
        <source>profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <source>The application id (from %1) is longer than %2 characters; AWS may cut it short.</source>
        <extracomment>%1 where the id came from, %2 the maximum length.</extracomment>
        <translation>Die Anwendungs-ID (aus %1) ist länger als %2 Zeichen; AWS kürzt sie möglicherweise.</translation>
    </message>
</context>
<context>
    <name>AppProfileCredentialsProvider</name>
    <message>
        <source>SessionScope&apos;s profile list is no longer available.</source>
        <translation>Die Profilliste von SessionScope ist nicht mehr verfügbar.</translation>
    </message>
    <message>
        <source>There is no SessionScope profile named &quot;%1&quot;.</source>
        <translation>Es gibt kein SessionScope-Profil namens „%1“.</translation>
    </message>
    <message>
        <source>profile %1 (system keychain)</source>
        <translation>Profil %1 (Systemschlüsselbund)</translation>
    </message>
</context>
<context>
    <name>AppProfileDialog</name>
    <message>
        <source>SessionScope profile</source>
        <translation>SessionScope-Profil</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>Profil bearbeiten</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation>Zugriffsschlüssel-ID</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>Geheimer Zugriffsschlüssel</translation>
    </message>
    <message>
        <source>Session token</source>
        <translation>Sitzungstoken</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Endpoint URL</source>
        <translation>Endpunkt-URL</translation>
    </message>
    <message>
        <source>Amazon Q Business instance ID</source>
        <translation>Amazon Q Business-Instanz-ID</translation>
    </message>
    <message>
        <source>e.g. eu-west-1 (empty: from the environment)</source>
        <translation>z. B. eu-west-1 (leer: aus der Umgebung)</translation>
    </message>
    <message>
        <source>empty: the regional AWS endpoints</source>
        <translation>leer: die regionalen AWS-Endpunkte</translation>
    </message>
    <message>
        <source>optional, for Q App sharing</source>
        <translation>optional, für die Q App-Freigabe</translation>
    </message>
    <message>
        <source>only for temporary credentials</source>
        <translation>nur für temporäre Anmeldeinformationen</translation>
    </message>
    <message>
        <source>unchanged (stored in the keychain)</source>
        <translation>unverändert (im Schlüsselbund gespeichert)</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Profil speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Access key ID:</source>
        <translation>&amp;Zugriffsschlüssel-ID:</translation>
    </message>
    <message>
        <source>&amp;Secret access key:</source>
        <translation>&amp;Geheimer Zugriffsschlüssel:</translation>
    </message>
    <message>
        <source>Session &amp;token:</source>
        <translation>Sitzungs&amp;token:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <source>&amp;Endpoint URL:</source>
        <translation>&amp;Endpunkt-URL:</translation>
    </message>
    <message>
        <source>Q Business &amp;instance ID:</source>
        <translation>Q Business-&amp;Instanz-ID:</translation>
    </message>
    <message>
        <source>The secret access key and session token are kept in the system keychain, never in a file.</source>
        <translation>Der geheime Zugriffsschlüssel und das Sitzungstoken werden im Systemschlüsselbund aufbewahrt, nie in einer Datei.</translation>
    </message>
    <message>
        <source>Enter the secret access key.</source>
        <translation>Geben Sie den geheimen Zugriffsschlüssel ein.</translation>
    </message>
    <message>
        <source>Saving to the keychain…</source>
        <translation>Wird im Schlüsselbund gespeichert …</translation>
    </message>
</context>
<context>
    <name>AppProfileStore</name>
    <message>
        <source>A profile name has 1 to 64 letters, digits and . _ - @ + (no spaces or slashes).</source>
        <translation>Ein Profilname hat 1 bis 64 Buchstaben, Ziffern und . _ - @ + (keine Leerzeichen oder Schrägstriche).</translation>
    </message>
    <message>
        <source>An access key id has 16 to 128 letters and digits, like AKIAIOSFODNN7EXAMPLE.</source>
        <translation>Eine Zugriffsschlüssel-ID hat 16 bis 128 Buchstaben und Ziffern, etwa AKIAIOSFODNN7EXAMPLE.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an AWS region name such as us-east-1.</source>
        <translation>„%1“ ist kein AWS-Regionsname wie us-east-1.</translation>
    </message>
    <message>
        <source>the profile</source>
        <translation>dem Profil</translation>
    </message>
    <message>
        <source>A Q Apps instance id has letters, digits and dashes only.</source>
        <translation>Eine Q Apps-Instanz-ID enthält nur Buchstaben, Ziffern und Bindestriche.</translation>
    </message>
    <message>
        <source>The secret access key is empty or contains spaces.</source>
        <translation>Der geheime Zugriffsschlüssel ist leer oder enthält Leerzeichen.</translation>
    </message>
    <message>
        <source>The session token contains spaces.</source>
        <translation>Das Sitzungstoken enthält Leerzeichen.</translation>
    </message>
    <message>
        <source>the profile settings could not be saved to %1.</source>
        <translation>Die Profileinstellungen konnten nicht in %1 gespeichert werden.</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <source>The profile store was closed.</source>
        <translation>Der Profilspeicher wurde geschlossen.</translation>
    </message>
    <message>
        <source>There is no SessionScope profile named &quot;%1&quot; to update.</source>
        <translation>Es gibt kein SessionScope-Profil namens „%1“, das aktualisiert werden könnte.</translation>
    </message>
    <message>
        <source>The keychain entry of %1 is not one SessionScope wrote. Enter the secret access key again in the profile&apos;s settings.</source>
        <translation>Der Schlüsselbundeintrag von %1 stammt nicht von SessionScope. Geben Sie den geheimen Zugriffsschlüssel in den Profileinstellungen erneut ein.</translation>
    </message>
</context>
<context>
    <name>AssumeRoleProvider</name>
    <message>
        <source>profile %1 (role %2)</source>
        <translation>Profil %1 (Rolle %2)</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; needs an MFA code for %2, and nobody can be asked for one here. Run it where a code can be typed, or use credentials without mfa_serial.</source>
        <translation>Das Profil „%1“ benötigt einen MFA-Code für %2, aber hier kann niemand danach gefragt werden. Führen Sie den Vorgang dort aus, wo ein Code eingegeben werden kann, oder verwenden Sie Anmeldeinformationen ohne mfa_serial.</translation>
    </message>
    <message>
        <source>No MFA code was entered: the profile &quot;%1&quot; is not signed in.</source>
        <translation>Kein MFA-Code eingegeben: Das Profil „%1“ ist nicht angemeldet.</translation>
    </message>
</context>
<context>
    <name>AwsCliCacheFile</name>
    <message>
        <source>The IAM Identity Center cache file %1 cannot be read: %2.</source>
        <translation>Die IAM Identity Center-Cachedatei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The IAM Identity Center cache file %1 is not a JSON object. Sign in again to replace it.</source>
        <translation>Die IAM Identity Center-Cachedatei %1 ist kein JSON-Objekt. Melden Sie sich erneut an, um sie zu ersetzen.</translation>
    </message>
    <message>
        <source>Cannot write the IAM Identity Center cache file %1: %2.</source>
        <translation>Die IAM Identity Center-Cachedatei %1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>the folder %1 cannot be created</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>AwsError</name>
    <message>
        <source>The service answered with HTTP status %1.</source>
        <translation>Der Dienst antwortete mit HTTP-Status %1.</translation>
    </message>
    <message>
        <source>Could not reach AWS: %1. Check the network connection and the endpoint.</source>
        <translation>AWS ist nicht erreichbar: %1. Prüfen Sie die Netzwerkverbindung und den Endpunkt.</translation>
    </message>
    <message>
        <source>AWS did not answer in time. Check the network connection, then retry.</source>
        <translation>AWS hat nicht rechtzeitig geantwortet. Prüfen Sie die Netzwerkverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>AWS is limiting requests. Wait a moment, then retry.</source>
        <translation>AWS drosselt die Anfragen. Warten Sie einen Moment und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Access denied: your credentials are not allowed to call %1. Ask your administrator for this IAM permission.</source>
        <translation>Zugriff verweigert: Ihre Anmeldeinformationen dürfen %1 nicht aufrufen. Bitten Sie Ihre Administration um diese IAM-Berechtigung.</translation>
    </message>
    <message>
        <source>Access denied: %1</source>
        <translation>Zugriff verweigert: %1</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>Nicht gefunden: %1</translation>
    </message>
    <message>
        <source>The request was not valid: %1</source>
        <translation>Die Anfrage war ungültig: %1</translation>
    </message>
    <message>
        <source>Your AWS credentials have expired. Refresh them (for example with &quot;aws sso login&quot;), then retry.</source>
        <translation>Ihre AWS-Anmeldeinformationen sind abgelaufen. Erneuern Sie sie (zum Beispiel mit „aws sso login“) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>AWS rejected the request time. Check that this computer&apos;s clock is correct.</source>
        <translation>AWS hat die Uhrzeit der Anfrage abgelehnt. Prüfen Sie, ob die Uhr dieses Computers richtig geht.</translation>
    </message>
    <message>
        <source>AWS does not recognise these credentials (access key id). Check the profile, or whether the region is right.</source>
        <translation>AWS erkennt diese Anmeldeinformationen (Zugriffsschlüssel-ID) nicht. Prüfen Sie das Profil oder ob die Region stimmt.</translation>
    </message>
    <message>
        <source>There is a problem with the AWS credentials: %1</source>
        <translation>Es gibt ein Problem mit den AWS-Anmeldeinformationen: %1</translation>
    </message>
    <message>
        <source>AWS had an internal problem (%1). Retry in a moment.</source>
        <translation>AWS hatte ein internes Problem (%1). Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>AWS sent an answer SessionScope could not read: %1</source>
        <translation>AWS hat eine Antwort gesendet, die SessionScope nicht lesen konnte: %1</translation>
    </message>
    <message>
        <source>The request conflicts with the current state: %1</source>
        <translation>Die Anfrage steht im Widerspruch zum aktuellen Zustand: %1</translation>
    </message>
    <message>
        <source>Configuration problem: %1</source>
        <translation>Konfigurationsproblem: %1</translation>
    </message>
    <message>
        <source>Could not write the file: %1</source>
        <translation>Die Datei konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>request id %1</source>
        <translation>Anfrage-ID %1</translation>
    </message>
    <message>
        <source>AWS is limiting requests (it asked to wait %1 s). Wait a moment, then retry.</source>
        <translation>AWS drosselt die Anfragen (und bittet, %1 s zu warten). Warten Sie einen Moment und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The request is too large for AWS to accept: %1</source>
        <translation>Die Anfrage ist zu groß, AWS nimmt sie nicht an: %1</translation>
    </message>
    <message>
        <source>The resource has as many tags as AWS allows (%1). Remove a tag first.</source>
        <translation>Die Ressource hat bereits so viele Tags, wie AWS erlaubt (%1). Entfernen Sie zuerst ein Tag.</translation>
    </message>
    <message>
        <source>An AWS service quota of the account has been reached (%1). Free some room, or ask for a higher quota in the Service Quotas console.</source>
        <translation>Ein AWS-Servicekontingent des Kontos ist erreicht (%1). Schaffen Sie Platz oder beantragen Sie in der Service Quotas-Konsole ein höheres Kontingent.</translation>
    </message>
</context>
<context>
    <name>AwsTransport</name>
    <message>
        <source>The endpoint &quot;%1&quot; is not an http(s) URL with a host.</source>
        <translation>Der Endpunkt „%1“ ist keine http(s)-URL mit Hostnamen.</translation>
    </message>
    <message>
        <source>No AWS region is set.</source>
        <translation>Es ist keine AWS-Region festgelegt.</translation>
    </message>
    <message>
        <source>No network access manager.</source>
        <translation>Kein Netzwerkzugriffsmanager.</translation>
    </message>
</context>
<context>
    <name>CliArguments</name>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>unknown option --%1 (options of a command come after the command)</source>
        <translation>unbekannte Option --%1 (die Optionen eines Befehls stehen hinter dem Befehl)</translation>
    </message>
    <message>
        <source>unknown option --%1 for &quot;%2&quot;</source>
        <translation>unbekannte Option --%1 für „%2“</translation>
    </message>
    <message>
        <source>option --%1 takes no value</source>
        <translation>die Option --%1 hat keinen Wert</translation>
    </message>
    <message>
        <source>option --%1 needs a value</source>
        <translation>die Option --%1 braucht einen Wert</translation>
    </message>
    <message>
        <source>option --%1 given twice</source>
        <translation>die Option --%1 wurde zweimal angegeben</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs --%2</source>
        <translation>„%1“ braucht --%2</translation>
    </message>
    <message>
        <source>--format must be one of: %1</source>
        <translation>--format muss eines der folgenden sein: %1</translation>
    </message>
    <message>
        <source>--status must be active or terminated</source>
        <translation>--status muss active oder terminated sein</translation>
    </message>
    <message>
        <source>--sort must be newest or oldest</source>
        <translation>--sort muss newest oder oldest sein</translation>
    </message>
    <message>
        <source>--page-size must be a whole number of at least 1</source>
        <translation>--page-size muss eine ganze Zahl von mindestens 1 sein</translation>
    </message>
    <message>
        <source>--max-items must be a whole number of at least 1</source>
        <translation>--max-items muss eine ganze Zahl von mindestens 1 sein</translation>
    </message>
    <message>
        <source>--columns has an empty column name</source>
        <translation>--columns enthält einen leeren Spaltennamen</translation>
    </message>
    <message>
        <source>sessionscope-cli sharing --instance-id ID --session-id ID [--format table|json]
  Shows the Amazon Q Apps sharing configuration of a session.
</source>
        <translation>sessionscope-cli sharing --instance-id ID --session-id ID [--format table|json]
  Zeigt die Amazon Q Apps-Freigabekonfiguration einer Sitzung.
</translation>
    </message>
    <message>
        <source>--portal &quot;%1&quot; is not a portal ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID)</source>
        <translation>--portal &quot;%1&quot; ist kein Portal-ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID)</translation>
    </message>
    <message>
        <source>  --portal takes a portal id or its ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID). With an
  ARN and no region set (--region, AWS_REGION, AWS_DEFAULT_REGION, the profile), the ARN&apos;s region is
  used; a region set elsewhere that differs from the ARN&apos;s is an error (exit status 3).
</source>
        <translation>  --portal nimmt eine Portal-ID oder ihren ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID). Mit
  einem ARN und ohne gesetzte Region (--region, AWS_REGION, AWS_DEFAULT_REGION, Profil) gilt die Region
  des ARN; eine anderswo gesetzte Region, die davon abweicht, ist ein Fehler (Exit-Status 3).
</translation>
    </message>
    <message>
        <source>sessionscope-cli portals [--format table|json|csv|jsonl] [--spreadsheet-safe]
  Lists every web portal of the account and region (all pages).
</source>
        <translation>sessionscope-cli portals [--format table|json|csv|jsonl] [--spreadsheet-safe]
  Listet alle Webportale des Kontos und der Region auf (alle Seiten).
</translation>
    </message>
    <message>
        <source>sessionscope-cli sessions --portal ID|ARN [options]
  Lists the sessions of a portal, page by page, streaming every page to stdout or --output.
  --status active|terminated   only sessions in this state
  --username NAME              only this user (exact match)
  --session-id ID              only this session
  --sort newest|oldest         by start time (default newest)
  --page-size N                sessions per request (default: the service&apos;s)
  --max-items N                stop after N sessions
  --format table|csv|json|jsonl   (default table on a terminal, jsonl otherwise)
  --output FILE                write to FILE (complete or not at all) instead of stdout
  --columns a,b,...            export columns (API names, listed below)
  --spreadsheet-safe           prefix cells starting with = + - @ tab CR with &apos; (CSV)
  --bom                        start CSV with a UTF-8 byte order mark
  --local-time                 times in local time with offset instead of UTC
  --instance-id ID             Amazon Q Business instance for the Q App sharing columns

Columns (default: sessionId,username,status,startTime,endTime,portalArn):
  %1
  clientIpAddresses needs one GetSession call per session; the qApp* columns one
  GetQAppSessionMetadata call per session (and --instance-id).
</source>
        <translation>sessionscope-cli sessions --portal ID|ARN [Optionen]
  Listet die Sitzungen eines Portals Seite für Seite auf und gibt jede Seite sofort auf stdout oder --output aus.
  --status active|terminated   nur Sitzungen in diesem Zustand
  --username NAME              nur dieser Benutzer (exakte Übereinstimmung)
  --session-id ID              nur diese Sitzung
  --sort newest|oldest         nach Startzeit (Standard: newest)
  --page-size N                Sitzungen pro Anfrage (Standard: der des Dienstes)
  --max-items N                nach N Sitzungen aufhören
  --format table|csv|json|jsonl   (Standard: table im Terminal, sonst jsonl)
  --output FILE                in FILE schreiben (vollständig oder gar nicht) statt auf stdout
  --columns a,b,...            Exportspalten (API-Namen, unten aufgeführt)
  --spreadsheet-safe           Zellen, die mit = + - @ Tab CR beginnen, &apos; voranstellen (CSV)
  --bom                        CSV mit einer UTF-8-Bytereihenfolge-Markierung beginnen
  --local-time                 Zeiten in Ortszeit mit Offset statt in UTC
  --instance-id ID             Amazon Q Business-Instanz für die Q App-Freigabespalten

Spalten (Standard: sessionId,username,status,startTime,endTime,portalArn):
  %1
  clientIpAddresses braucht einen GetSession-Aufruf pro Sitzung, die qApp*-Spalten einen
  GetQAppSessionMetadata-Aufruf pro Sitzung (und --instance-id).
</translation>
    </message>
    <message>
        <source>sessionscope-cli session --portal ID|ARN --session-id ID [--format table|json]
  Shows one session with its client IP addresses.
</source>
        <translation>sessionscope-cli session --portal ID|ARN --session-id ID [--format table|json]
  Zeigt eine Sitzung mit ihren Client-IP-Adressen.
</translation>
    </message>
    <message>
        <source>sessionscope-cli expire --portal ID|ARN --session-id ID [--yes]
  Ends (expires) an active session. Asks for confirmation on a terminal unless --yes.
</source>
        <translation>sessionscope-cli expire --portal ID|ARN --session-id ID [--yes]
  Beendet eine aktive Sitzung (expire). Fragt im Terminal nach einer Bestätigung, außer mit --yes.
</translation>
    </message>
    <message>
        <source>sessionscope-cli whoami [--format json|text]
  Says who the credentials belong to (STS GetCallerIdentity): the account, the ARN, the user ID and
  where the credentials came from. JSON: {&quot;Account&quot;, &quot;Arn&quot;, &quot;UserId&quot;, &quot;CredentialSource&quot;}.
  A profile with mfa_serial asks for the code on the terminal (&quot;Enter MFA code for ...: &quot;); without a
  terminal it fails at once (exit status 4).
</source>
        <translation>sessionscope-cli whoami [--format json|text]
  Zeigt, wem die Anmeldeinformationen gehören (STS GetCallerIdentity): das Konto, den ARN, die
  Benutzer-ID und die Herkunft der Anmeldeinformationen. JSON: {&quot;Account&quot;, &quot;Arn&quot;, &quot;UserId&quot;, &quot;CredentialSource&quot;}.
  Ein Profil mit mfa_serial fragt im Terminal nach dem Code („Enter MFA code for ...: “); ohne
  Terminal schlägt es sofort fehl (Exit-Status 4).
</translation>
    </message>
    <message>
        <source>sessionscope-cli login [--profile P]
  Signs an IAM Identity Center profile (sso_session or sso_start_url) in without the AWS CLI: prints a
  URL and a code on stderr, waits until you allow access in a browser (on any device), and stores the
  sign-in in the AWS CLI&apos;s cache (~/.aws/sso/cache), so `aws` shares it. Prints until when the sign-in
  is valid. Ctrl-C cancels (exit status 13).
</source>
        <translation>sessionscope-cli login [--profile P]
  Meldet ein IAM Identity Center-Profil (sso_session oder sso_start_url) ohne die AWS CLI an: gibt eine
  URL und einen Code auf stderr aus, wartet, bis Sie den Zugriff in einem Browser (auf einem beliebigen Gerät)
  erlauben, und speichert die Anmeldung im Cache der AWS CLI (~/.aws/sso/cache), sodass `aws` sie mitnutzt.
  Gibt aus, bis wann die Anmeldung gilt. Ctrl-C bricht ab (Exit-Status 13).
</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot; (expected portals, sessions, session, sharing, expire, whoami, login or config)</source>
        <translation>unbekannter Befehl „%1“ (erwartet: portals, sessions, session, sharing, expire, whoami, login oder config)</translation>
    </message>
    <message>
        <source>--%1 must be a number of seconds of at least 0 (0: no limit)</source>
        <translation>--%1 muss eine Anzahl Sekunden von mindestens 0 sein (0: unbegrenzt)</translation>
    </message>
    <message>
        <source>no command given (expected portals, sessions, session, sharing, expire, whoami, login or config)</source>
        <translation>kein Befehl angegeben (erwartet: portals, sessions, session, sharing, expire, whoami, login oder config)</translation>
    </message>
    <message>
        <source>Global options (before or after the command):
  --profile P         AWS profile (shared files or one created in SessionScope); default: AWS_PROFILE,
                      else the environment&apos;s credentials, else &quot;default&quot;
  --region R          AWS region; default: AWS_REGION, AWS_DEFAULT_REGION, the profile&apos;s region
  --endpoint-url URL  use this endpoint for every service (http:// only for loopback addresses)
  --ca-bundle FILE    trust only the certificate authorities in this PEM file (for a TLS-inspecting
                      proxy or a private CA); default: AWS_CA_BUNDLE, the profile&apos;s ca_bundle
  --cli-connect-timeout S  seconds to wait for a connection (0: no limit); default: the profile&apos;s
                      connect_timeout, else 10
  --cli-read-timeout S  seconds to wait without data (0: no limit); default: the profile&apos;s
                      read_timeout, else 60
  --debug             log requests (never secrets) to stderr
  --help, --version
</source>
        <translation>Globale Optionen (vor oder nach dem Befehl):
  --profile P         AWS-Profil (aus den gemeinsamen Dateien oder in SessionScope angelegt); Standard:
                      AWS_PROFILE, sonst die Anmeldeinformationen der Umgebung, sonst „default“
  --region R          AWS-Region; Standard: AWS_REGION, AWS_DEFAULT_REGION, die Region des Profils
  --endpoint-url URL  diesen Endpunkt für jeden Dienst verwenden (http:// nur für Loopback-Adressen)
  --ca-bundle FILE    nur den Zertifizierungsstellen in dieser PEM-Datei vertrauen (für einen Proxy, der
                      TLS prüft, oder eine private CA); Standard: AWS_CA_BUNDLE, ca_bundle des Profils
  --cli-connect-timeout S  Sekunden, die auf eine Verbindung gewartet wird (0: unbegrenzt); Standard:
                      connect_timeout des Profils, sonst 10
  --cli-read-timeout S  Sekunden, die ohne Daten gewartet wird (0: unbegrenzt); Standard:
                      read_timeout des Profils, sonst 60
  --debug             Anfragen (nie Geheimnisse) auf stderr protokollieren
  --help, --version
</translation>
    </message>
    <message>
        <source>Exit status:
  0 success            2 usage error         3 configuration (profile, region, endpoint)
  4 credentials        5 access denied       6 not found
  7 invalid request    8 throttled           9 network or timeout
  10 service error     11 unreadable answer  12 local file error
  13 cancelled         14 quota exceeded     1 anything else
</source>
        <translation>Exit-Status:
  0 Erfolg                 2 Aufruffehler         3 Konfiguration (Profil, Region, Endpunkt)
  4 Anmeldeinformationen   5 Zugriff verweigert   6 nicht gefunden
  7 ungültige Anfrage      8 gedrosselt           9 Netzwerk oder Zeitüberschreitung
  10 Dienstfehler          11 unlesbare Antwort   12 Fehler bei lokaler Datei
  13 abgebrochen           14 Kontingent überschritten  1 alles andere
</translation>
    </message>
    <message>
        <source>sessionscope-cli config [--format table|json]
  Shows every setting the other commands would use and where each came from, like
  `aws configure list`, without calling AWS: profile, credentials (an access key ID by its last four
  characters only), region, the endpoint of each service, FIPS and dual-stack, proxy, CA bundle,
  timeouts, retry mode, attempts and app ID. JSON: one object with the keys profile, credentialSource,
  region, regionSource, endpoints, proxy, caBundle, connectTimeout, readTimeout, retryMode,
  maxAttempts (and more; see the manual page).
</source>
        <translation>sessionscope-cli config [--format table|json]
  Zeigt jede Einstellung, die die anderen Befehle verwenden würden, und woher sie stammt, wie
  `aws configure list`, ohne AWS aufzurufen: Profil, Anmeldeinformationen (eine Zugriffsschlüssel-ID
  nur mit ihren letzten vier Zeichen), Region, den Endpunkt jedes Dienstes, FIPS und Dual-Stack, Proxy,
  CA-Bundle, Timeouts, Wiederholungsmodus, Versuche und App-ID. JSON: ein Objekt mit den Schlüsseln
  profile, credentialSource, region, regionSource, endpoints, proxy, caBundle, connectTimeout,
  readTimeout, retryMode, maxAttempts (und weiteren; siehe die Manpage).
</translation>
    </message>
    <message>
        <source>Usage: sessionscope-cli [global options] COMMAND [options]

Browse Amazon WorkSpaces Secure Browser sessions and their Amazon Q Apps sharing settings.

Commands:
  portals    list the web portals
  sessions   list or export the sessions of a portal
  session    show one session
  sharing    show the Q App sharing configuration of a session
  expire     end an active session
  whoami     show who the credentials belong to
  login      sign in to IAM Identity Center
  config     show every setting and where it came from

Run &quot;sessionscope-cli COMMAND --help&quot; for the options of a command.

</source>
        <translation>Aufruf: sessionscope-cli [globale Optionen] BEFEHL [Optionen]

Sitzungen von Amazon WorkSpaces Secure Browser und ihre Amazon Q Apps-Freigabeeinstellungen durchsuchen.

Befehle:
  portals    die Webportale auflisten
  sessions   die Sitzungen eines Portals auflisten oder exportieren
  session    eine Sitzung anzeigen
  sharing    die Q App-Freigabekonfiguration einer Sitzung anzeigen
  expire     eine aktive Sitzung beenden
  whoami     anzeigen, wem die Anmeldeinformationen gehören
  login      bei IAM Identity Center anmelden
  config     jede Einstellung und ihre Herkunft anzeigen

„sessionscope-cli BEFEHL --help“ zeigt die Optionen eines Befehls.

</translation>
    </message>
</context>
<context>
    <name>CliConnection</name>
    <message>
        <source>the portal ARN is in region %1, but the region is %2 (from %3); set the same region or none, and the ARN&apos;s region is used</source>
        <extracomment>%1 the region in the portal ARN, %2 the region set elsewhere, %3 where it was set (&quot;--region&quot;, &quot;AWS_REGION&quot;, &quot;profile dev&quot;).</extracomment>
        <translation>der Portal-ARN liegt in der Region %1, die Region ist aber %2 (aus %3); setzen Sie dieselbe Region oder keine, dann gilt die Region des ARN</translation>
    </message>
</context>
<context>
    <name>ClientAddressesSection</name>
    <message>
        <source>Client IP addresses</source>
        <translation>Client-IP-Adressen</translation>
    </message>
    <message>
        <source>No session selected.</source>
        <translation>Keine Sitzung ausgewählt.</translation>
    </message>
    <message>
        <source>Loading the session&apos;s details…</source>
        <translation>Sitzungsdetails werden geladen …</translation>
    </message>
    <message>
        <source>The service reported no client IP address for this session.</source>
        <translation>Der Dienst hat für diese Sitzung keine Client-IP-Adresse gemeldet.</translation>
    </message>
    <message>
        <source>The service no longer knows this session (terminated sessions are kept for about 35 days).</source>
        <translation>Der Dienst kennt diese Sitzung nicht mehr (beendete Sitzungen werden etwa 35 Tage aufbewahrt).</translation>
    </message>
</context>
<context>
    <name>Command</name>
    <message>
        <source>standard output</source>
        <translation>Standardausgabe</translation>
    </message>
    <message>
        <source>profile: %1; region: %2 (%3); WorkSpaces Web endpoint: %4 (%5); attempts: %6</source>
        <translation>Profil: %1; Region: %2 (%3); WorkSpaces Web-Endpunkt: %4 (%5); Versuche: %6</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keines)</translation>
    </message>
    <message>
        <source>%1 failed (%2); retrying in %3 s (attempt %4)</source>
        <translation>%1 fehlgeschlagen (%2); neuer Versuch in %3 s (Versuch %4)</translation>
    </message>
    <message>
        <source>Interrupted.</source>
        <translation>Unterbrochen.</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message numerus="yes">
        <source>CA bundle: %1 (%2), %n certificate(s)</source>
        <extracomment>%1 the file, %2 where it was named (&quot;--ca-bundle&quot;, &quot;AWS_CA_BUNDLE&quot;, &quot;profile dev&quot;)</extracomment>
        <translation>
            <numerusform>CA-Bundle: %1 (%2), %n Zertifikat</numerusform>
            <numerusform>CA-Bundle: %1 (%2), %n Zertifikate</numerusform>
        </translation>
    </message>
    <message>
        <source>CA bundle: none (the system&apos;s certificate authorities)</source>
        <translation>CA-Bundle: keines (die Zertifizierungsstellen des Systems)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>retry mode: %1 (%2); connect timeout: %3 (%4); read timeout: %5 (%6)</source>
        <extracomment>%1 legacy/standard/adaptive, %3 and %5 seconds or &quot;no limit&quot;, the others where each came from</extracomment>
        <translation>Wiederholungsmodus: %1 (%2); Verbindungs-Timeout: %3 (%4); Lese-Timeout: %5 (%6)</translation>
    </message>
    <message>
        <source>proxy: %1 (no proxy variable in the environment)</source>
        <extracomment>%1 the proxy URL(s) without password and the NO_PROXY entries, %2 where they were set (&quot;HTTPS_PROXY, NO_PROXY&quot;, &quot;connection settings&quot;)</extracomment>
        <translation>Proxy: %1 (keine Proxy-Variable in der Umgebung)</translation>
    </message>
    <message>
        <source>proxy: %1 (%2)</source>
        <translation>Proxy: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>CommandLineSplitter</name>
    <message>
        <source>The command line ends with a lone backslash.</source>
        <translation>Die Befehlszeile endet mit einem einzelnen Backslash.</translation>
    </message>
    <message>
        <source>The command line has a single quote (&apos;) that is never closed.</source>
        <translation>Die Befehlszeile enthält ein einfaches Anführungszeichen (&apos;), das nie geschlossen wird.</translation>
    </message>
    <message>
        <source>The command line has a double quote (&quot;) that is never closed.</source>
        <translation>Die Befehlszeile enthält ein doppeltes Anführungszeichen (&quot;), das nie geschlossen wird.</translation>
    </message>
    <message>
        <source>The command line is empty.</source>
        <translation>Die Befehlszeile ist leer.</translation>
    </message>
</context>
<context>
    <name>ConfigCommand</name>
    <message>
        <source>access keys</source>
        <translation>Zugriffsschlüssel</translation>
    </message>
    <message>
        <source>assume role</source>
        <translation>Rolle übernehmen</translation>
    </message>
    <message>
        <source>assume role with MFA</source>
        <translation>Rolle übernehmen mit MFA</translation>
    </message>
    <message>
        <source>IAM Identity Center</source>
        <translation>IAM Identity Center</translation>
    </message>
    <message>
        <source>web identity</source>
        <translation>Web-Identität</translation>
    </message>
    <message>
        <source>no credentials</source>
        <translation>keine Anmeldeinformationen</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 where the credentials come from, %2 their kind (&quot;IAM Identity Center&quot;, &quot;assume role&quot;)</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>none: %1</source>
        <extracomment>%1 why no credentials can be found</extracomment>
        <translation>keine: %1</translation>
    </message>
    <message>
        <source>credentials</source>
        <translation>Anmeldeinformationen</translation>
    </message>
    <message>
        <source>(not shown)</source>
        <translation>(nicht angezeigt)</translation>
    </message>
    <message>
        <source>region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source> (the profile does not use IAM Identity Center)</source>
        <translation> (das Profil verwendet IAM Identity Center nicht)</translation>
    </message>
    <message>
        <source>endpoint %1</source>
        <translation>Endpunkt %1</translation>
    </message>
    <message>
        <source>(error)</source>
        <translation>(Fehler)</translation>
    </message>
    <message>
        <source>FIPS endpoints</source>
        <translation>FIPS-Endpunkte</translation>
    </message>
    <message>
        <source>dual-stack endpoints</source>
        <translation>Dual-Stack-Endpunkte</translation>
    </message>
    <message>
        <source>proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA-Bundle</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n certificate(s))</source>
        <translation>
            <numerusform>%1 (%n Zertifikat)</numerusform>
            <numerusform>%1 (%n Zertifikate)</numerusform>
        </translation>
    </message>
    <message>
        <source>the system&apos;s certificate authorities</source>
        <translation>die Zertifizierungsstellen des Systems</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>connect timeout</source>
        <translation>Verbindungs-Timeout</translation>
    </message>
    <message>
        <source>read timeout</source>
        <translation>Lese-Timeout</translation>
    </message>
    <message>
        <source>retry mode</source>
        <translation>Wiederholungsmodus</translation>
    </message>
    <message>
        <source>max attempts</source>
        <translation>max. Versuche</translation>
    </message>
    <message>
        <source>app id</source>
        <translation>App-ID</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu …</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Problem reading the AWS files</source>
        <translation>Problem beim Lesen der AWS-Dateien</translation>
    </message>
    <message>
        <source>New SessionScope profile</source>
        <translation>Neues SessionScope-Profil</translation>
    </message>
    <message>
        <source>Edit SessionScope profile</source>
        <translation>SessionScope-Profil bearbeiten</translation>
    </message>
    <message>
        <source>Delete SessionScope profile</source>
        <translation>SessionScope-Profil löschen</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>From the profile or environment</source>
        <translation>Aus dem Profil oder der Umgebung</translation>
    </message>
    <message>
        <source>Endpoint override</source>
        <translation>Abweichender Endpunkt</translation>
    </message>
    <message>
        <source>empty: the profile&apos;s or the regional AWS endpoints</source>
        <translation>leer: die Endpunkte des Profils oder die regionalen AWS-Endpunkte</translation>
    </message>
    <message>
        <source>Amazon Q Business instance ID</source>
        <translation>Amazon Q Business-Instanz-ID</translation>
    </message>
    <message>
        <source>optional: the profile&apos;s, if it has one</source>
        <translation>optional: die des Profils, falls vorhanden</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Testergebnis</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <source>End&amp;point URL:</source>
        <translation>&amp;Endpunkt-URL:</translation>
    </message>
    <message>
        <source>Q Business &amp;instance ID:</source>
        <translation>Q Business-&amp;Instanz-ID:</translation>
    </message>
    <message>
        <source>&amp;Profiles (from ~/.aws and SessionScope&apos;s own):</source>
        <translation>&amp;Profile (aus ~/.aws und von SessionScope):</translation>
    </message>
    <message>
        <source>%1 — SessionScope profile (keychain)</source>
        <translation>%1 — SessionScope-Profil (Schlüsselbund)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source> — %1</source>
        <translation> — %1</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <source>Delete the SessionScope profile “%1” and its secret in the keychain?</source>
        <translation>Das SessionScope-Profil „%1“ und sein Geheimnis im Schlüsselbund löschen?</translation>
    </message>
    <message>
        <source>Asking %1 for its portals…</source>
        <translation>%1 wird nach seinen Portalen gefragt …</translation>
    </message>
    <message numerus="yes">
        <source>%n portal(s)</source>
        <translation>
            <numerusform>%n Portal</numerusform>
            <numerusform>%n Portale</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %n portal(s)</source>
        <translation>
            <numerusform>mindestens %n Portal</numerusform>
            <numerusform>mindestens %n Portale</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected: profile %1 can list portals in %2 (%3 found).</source>
        <translation>Verbunden: Profil %1 kann Portale in %2 auflisten (%3 gefunden).</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Nicht verbunden: %1</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>&amp;Anmelden …</translation>
    </message>
    <message>
        <source>Sign in to IAM Identity Center</source>
        <translation>Bei IAM Identity Center anmelden</translation>
    </message>
    <message>
        <source>Sign in to IAM Identity Center with this profile, in the browser</source>
        <translation>Mit diesem Profil im Browser bei IAM Identity Center anmelden</translation>
    </message>
    <message>
        <source>A SessionScope profile; its secret is in the system keychain.</source>
        <translation>Ein SessionScope-Profil; sein Geheimnis liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>Defined in %1</source>
        <translation>Definiert in %1</translation>
    </message>
    <message>
        <source>access keys</source>
        <translation>Zugriffsschlüssel</translation>
    </message>
    <message>
        <source>credential process</source>
        <translation>Anmeldeprozess</translation>
    </message>
    <message>
        <source>role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>role + MFA</source>
        <translation>Rolle + MFA</translation>
    </message>
    <message>
        <source>IAM Identity Center</source>
        <translation>IAM Identity Center</translation>
    </message>
    <message>
        <source>web identity</source>
        <translation>Web-Identität</translation>
    </message>
    <message>
        <source>no credentials</source>
        <translation>keine Anmeldeinformationen</translation>
    </message>
    <message>
        <source>signed in until %1</source>
        <extracomment>%1 a time of day (&quot;19:40&quot;), or a date and time when it is not today</extracomment>
        <translation>angemeldet bis %1</translation>
    </message>
    <message>
        <source>sign-in renews itself</source>
        <translation>Anmeldung erneuert sich selbst</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>Nicht angemeldet: %1</translation>
    </message>
</context>
<context>
    <name>ConnectionManager</name>
    <message>
        <source>No AWS credentials were found (no environment keys, no profile in ~/.aws, no SessionScope profile). Try the demo, or set up a connection.</source>
        <translation>Es wurden keine AWS-Anmeldeinformationen gefunden (keine Schlüssel in der Umgebung, kein Profil in ~/.aws, kein SessionScope-Profil). Probieren Sie die Demo aus oder richten Sie eine Verbindung ein.</translation>
    </message>
    <message>
        <source>The demo could not start: %1</source>
        <translation>Die Demo konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Verbindung nicht möglich: %1</translation>
    </message>
    <message>
        <source>Could not sign in: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>ConnectionResolver</name>
    <message>
        <source>SessionScope&apos;s profiles (system keychain)</source>
        <translation>Profile von SessionScope (Systemschlüsselbund)</translation>
    </message>
    <message>
        <source> or among SessionScope&apos;s own profiles</source>
        <extracomment>Appended to &quot;was not found in %2&quot; (the files searched), right after the file names.</extracomment>
        <translation> oder unter den eigenen Profilen von SessionScope</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; was not found in %2%3.</source>
        <translation>Das Profil „%1“ wurde nicht in %2%3 gefunden.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; named by AWS_PROFILE was not found in %2%3.</source>
        <translation>Das in AWS_PROFILE genannte Profil „%1“ wurde nicht in %2%3 gefunden.</translation>
    </message>
    <message>
        <source>connection settings</source>
        <translation>Verbindungseinstellungen</translation>
    </message>
</context>
<context>
    <name>ConnectionSummaryLabel</name>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <extracomment>%1 who (a role or user name), %2 the AWS account, %3 the region</extracomment>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Profile: %1
Region: %2
Requests go to: %3
Credentials: %4
Amazon Q Business instance: %5</source>
        <translation>Profil: %1
Region: %2
Anfragen gehen an: %3
Anmeldeinformationen: %4
Amazon Q Business-Instanz: %5</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Account: %1
Identity: %2
User ID: %3</source>
        <translation>Konto: %1
Identität: %2
Benutzer-ID: %3</translation>
    </message>
    <message>
        <source>Identity: not known (%1)</source>
        <translation>Identität: unbekannt (%1)</translation>
    </message>
</context>
<context>
    <name>ContainerCredentialsProvider</name>
    <message>
        <source>AWS_CONTAINER_CREDENTIALS_FULL_URI must be https, or http to a loopback address, 169.254.170.2, 169.254.170.23, fd00:ec2::23 or localhost; it is %1.</source>
        <translation>AWS_CONTAINER_CREDENTIALS_FULL_URI muss https sein oder http zu einer Loopback-Adresse, 169.254.170.2, 169.254.170.23, fd00:ec2::23 oder localhost; sie ist %1.</translation>
    </message>
    <message>
        <source>container credentials</source>
        <translation>Container-Anmeldeinformationen</translation>
    </message>
    <message>
        <source>Could not read the container authorization token file %1 (AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE): %2</source>
        <translation>Die Datei mit dem Container-Autorisierungstoken %1 (AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE) konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The container authorization token is not a valid header value (it has a line break).</source>
        <translation>Das Container-Autorisierungstoken ist kein gültiger Header-Wert (es enthält einen Zeilenumbruch).</translation>
    </message>
    <message>
        <source>it did not answer in time</source>
        <translation>er hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>it answered HTTP %1</source>
        <translation>er hat mit HTTP %1 geantwortet</translation>
    </message>
    <message>
        <source>No credentials from the container credentials endpoint %1: %2</source>
        <translation>Keine Anmeldeinformationen vom Container-Anmeldeinformations-Endpunkt %1: %2</translation>
    </message>
    <message>
        <source>The container credentials endpoint %1 answered without complete credentials.</source>
        <translation>Der Container-Anmeldeinformations-Endpunkt %1 hat ohne vollständige Anmeldeinformationen geantwortet.</translation>
    </message>
</context>
<context>
    <name>CopyableValue</name>
    <message>
        <source>%1 indicator</source>
        <translation>Symbol für %1</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
</context>
<context>
    <name>CredentialProcessProvider</name>
    <message>
        <source>credential_process of profile %1</source>
        <translation>credential_process von Profil %1</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; failed: %2</source>
        <translation>Der credential_process von Profil „%1“ ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>the program &quot;%1&quot; was not found in PATH.</source>
        <translation>Das Programm „%1“ wurde nicht in PATH gefunden.</translation>
    </message>
    <message>
        <source>could not start &quot;%1&quot;: the program was not found or is not executable.</source>
        <translation>„%1“ konnte nicht gestartet werden: Das Programm wurde nicht gefunden oder ist nicht ausführbar.</translation>
    </message>
    <message>
        <source> It said: %1</source>
        <translation> Ausgabe: %1</translation>
    </message>
    <message>
        <source>it did not finish within %1 s and was stopped.</source>
        <translation>Es wurde nicht innerhalb von %1 s fertig und wurde gestoppt.</translation>
    </message>
    <message>
        <source>it printed more than %1 KiB, which is not a credentials answer.</source>
        <translation>Es hat mehr als %1 KiB ausgegeben, was keine Antwort mit Anmeldeinformationen ist.</translation>
    </message>
    <message>
        <source>it was ended by a signal before it finished.</source>
        <translation>Es wurde vor seinem Ende durch ein Signal beendet.</translation>
    </message>
    <message>
        <source>it exited with code %1.</source>
        <translation>Es endete mit Code %1.</translation>
    </message>
    <message>
        <source>its output is not a JSON object like {&quot;Version&quot;: 1, &quot;AccessKeyId&quot;: ..., &quot;SecretAccessKey&quot;: ...}.</source>
        <translation>Seine Ausgabe ist kein JSON-Objekt wie {&quot;Version&quot;: 1, &quot;AccessKeyId&quot;: ..., &quot;SecretAccessKey&quot;: ...}.</translation>
    </message>
    <message>
        <source>its output has no &quot;Version&quot;; SessionScope understands Version 1.</source>
        <translation>Seine Ausgabe hat keine „Version“; SessionScope versteht Version 1.</translation>
    </message>
    <message>
        <source>its output has an unsupported &quot;Version&quot;; SessionScope understands Version 1.</source>
        <translation>Seine Ausgabe hat eine nicht unterstützte „Version“; SessionScope versteht Version 1.</translation>
    </message>
    <message>
        <source>its output has no &quot;AccessKeyId&quot; string.</source>
        <translation>Seine Ausgabe hat keine Zeichenkette „AccessKeyId“.</translation>
    </message>
    <message>
        <source>its output has no &quot;SecretAccessKey&quot; string.</source>
        <translation>Seine Ausgabe hat keine Zeichenkette „SecretAccessKey“.</translation>
    </message>
    <message>
        <source>its &quot;Expiration&quot; is not an ISO 8601 date-time such as 2030-01-31T12:00:00Z.</source>
        <translation>Sein „Expiration“ ist keine ISO 8601-Zeitangabe wie 2030-01-31T12:00:00Z.</translation>
    </message>
    <message>
        <source>it returned credentials that expired at %1.</source>
        <translation>Es lieferte Anmeldeinformationen, die um %1 abgelaufen sind.</translation>
    </message>
</context>
<context>
    <name>CredentialsProviderChain</name>
    <message>
        <source>The profile &quot;%1&quot; was not found in %2%3.</source>
        <translation>Das Profil „%1“ wurde nicht in %2%3 gefunden.</translation>
    </message>
    <message>
        <source> or among SessionScope&apos;s own profiles</source>
        <translation> oder unter den eigenen Profilen von SessionScope</translation>
    </message>
    <message>
        <source>No AWS credentials found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, add a [default] profile to %1 (for example with &quot;aws configure&quot;), or choose a profile with --profile.</source>
        <translation>Keine AWS-Anmeldeinformationen gefunden. Setzen Sie AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY, fügen Sie %1 ein [default]-Profil hinzu (zum Beispiel mit „aws configure“) oder wählen Sie mit --profile ein Profil.</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; named by %2 was not found in %3.</source>
        <translation>Das in %2 genannte Profil „%1“ wurde nicht in %3 gefunden.</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>environment, then profile %1, then container and instance metadata</source>
        <translation>Umgebung, dann Profil %1, dann Container- und Instanz-Metadaten</translation>
    </message>
</context>
<context>
    <name>DemoConnection</name>
    <message>
        <source>built-in emulator at %1</source>
        <translation>eingebauter Emulator unter %1</translation>
    </message>
    <message>
        <source>the emulator&apos;s throw-away demo keys</source>
        <translation>die Wegwerf-Demoschlüssel des Emulators</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
</context>
<context>
    <name>EndpointResolver</name>
    <message>
        <source>(hidden)</source>
        <translation>(verborgen)</translation>
    </message>
    <message>
        <source>The endpoint URL %1 (from %2) %3</source>
        <translation>Die Endpunkt-URL %1 (aus %2) %3</translation>
    </message>
    <message>
        <source>is not a valid URL such as https://example.com.</source>
        <translation>ist keine gültige URL wie https://example.com.</translation>
    </message>
    <message>
        <source>must start with https://.</source>
        <translation>muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>has no host name.</source>
        <translation>hat keinen Hostnamen.</translation>
    </message>
    <message>
        <source>must not contain a user name or password.</source>
        <translation>darf keinen Benutzernamen und kein Passwort enthalten.</translation>
    </message>
    <message>
        <source>must not have a query (?...).</source>
        <translation>darf keine Abfrage (?...) haben.</translation>
    </message>
    <message>
        <source>must not have a fragment (#...).</source>
        <translation>darf kein Fragment (#...) haben.</translation>
    </message>
    <message>
        <source>must not have a path; give only scheme, host and port.</source>
        <translation>darf keinen Pfad haben; geben Sie nur Schema, Host und Port an.</translation>
    </message>
    <message>
        <source>uses plain http://, which is allowed only for this computer (localhost, 127.0.0.1, ::1). Use https://.</source>
        <translation>verwendet unverschlüsseltes http://, das nur für diesen Computer erlaubt ist (localhost, 127.0.0.1, ::1). Verwenden Sie https://.</translation>
    </message>
    <message>
        <source>the services section of profile %1</source>
        <translation>dem services-Abschnitt von Profil %1</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <source>sts_regional_endpoints (from %1) must be &quot;regional&quot; or &quot;legacy&quot;.</source>
        <translation>sts_regional_endpoints (aus %1) muss „regional“ oder „legacy“ sein.</translation>
    </message>
    <message>
        <source>%1 (from %2) must be &quot;true&quot; or &quot;false&quot;, not &quot;%3&quot;.</source>
        <translation>%1 (aus %2) muss „true“ oder „false“ sein, nicht „%3“.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid region name: a region is a single host name label of letters, digits and hyphens, such as us-east-1.</source>
        <translation>„%1“ ist kein gültiger Regionsname: Eine Region ist ein einzelnes Hostnamen-Label aus Buchstaben, Ziffern und Bindestrichen, etwa us-east-1.</translation>
    </message>
    <message>
        <source>%1 (from %2) are not available in the %3 partition of region %4. Turn the setting off or set an endpoint URL.</source>
        <translation>%1 (aus %2) sind in der Partition %3 der Region %4 nicht verfügbar. Schalten Sie die Einstellung aus oder legen Sie eine Endpunkt-URL fest.</translation>
    </message>
    <message>
        <source>Dual-stack endpoints (use_dualstack_endpoint, from %1) are not available in the %2 partition of region %3; botocore and the AWS CLI refuse them there too. Turn the setting off or set an endpoint URL.</source>
        <translation>Dual-Stack-Endpunkte (use_dualstack_endpoint, aus %1) sind in der Partition %2 der Region %3 nicht verfügbar; auch botocore und die AWS CLI lehnen sie dort ab. Schalten Sie die Einstellung aus oder legen Sie eine Endpunkt-URL fest.</translation>
    </message>
    <message>
        <source>FIPS dual-stack endpoints</source>
        <translation>FIPS-Dual-Stack-Endpunkte</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>FIPS endpoints</source>
        <translation>FIPS-Endpunkte</translation>
    </message>
    <message>
        <source>Dual-stack endpoints</source>
        <translation>Dual-Stack-Endpunkte</translation>
    </message>
</context>
<context>
    <name>EnvironmentCredentialsProvider</name>
    <message>
        <source>environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set in the environment.</source>
        <translation>AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY sind in der Umgebung nicht gesetzt.</translation>
    </message>
    <message>
        <source>AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not. Set both, or neither.</source>
        <translation>AWS_SECRET_ACCESS_KEY ist gesetzt, AWS_ACCESS_KEY_ID aber nicht. Setzen Sie beide oder keine.</translation>
    </message>
    <message>
        <source>AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not. Set both, or neither.</source>
        <translation>AWS_ACCESS_KEY_ID ist gesetzt, AWS_SECRET_ACCESS_KEY aber nicht. Setzen Sie beide oder keine.</translation>
    </message>
    <message>
        <source>AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 date-time such as 2030-01-31T12:00:00Z.</source>
        <translation>AWS_CREDENTIAL_EXPIRATION ist keine ISO 8601-Zeitangabe wie 2030-01-31T12:00:00Z.</translation>
    </message>
    <message>
        <source>The credentials in the environment expired at %1 (AWS_CREDENTIAL_EXPIRATION). Set fresh ones.</source>
        <translation>Die Anmeldeinformationen in der Umgebung sind um %1 abgelaufen (AWS_CREDENTIAL_EXPIRATION). Setzen Sie neue.</translation>
    </message>
    <message>
        <source>environment variables (AWS_ACCESS_KEY_ID)</source>
        <translation>Umgebungsvariablen (AWS_ACCESS_KEY_ID)</translation>
    </message>
</context>
<context>
    <name>ExpireCommand</name>
    <message>
        <source>sessionscope-cli: expire needs --yes when not run from a terminal</source>
        <translation>sessionscope-cli: expire braucht --yes, wenn es nicht in einem Terminal läuft</translation>
    </message>
    <message>
        <source>Not expired.</source>
        <translation>Nicht beendet.</translation>
    </message>
    <message>
        <source>Session %1 expired.
</source>
        <translation>Sitzung %1 beendet.
</translation>
    </message>
    <message>
        <source>End session %1 of portal %2? The user is disconnected. [y/N] </source>
        <extracomment>The answers read are always y or yes (in English), whatever the language.</extracomment>
        <translation>Sitzung %1 von Portal %2 beenden? Die Verbindung des Benutzers wird getrennt. [y/N] </translation>
    </message>
</context>
<context>
    <name>ExpireSessionsDialog</name>
    <message>
        <source>Expire sessions</source>
        <translation>Sitzungen beenden</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message numerus="yes">
        <source>Expire %n active session(s)? Their users are disconnected at once. This cannot be undone.</source>
        <translation>
            <numerusform>%n aktive Sitzung beenden? Die Verbindung des Benutzers wird sofort getrennt. Dies kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>%n aktive Sitzungen beenden? Die Verbindungen der Benutzer werden sofort getrennt. Dies kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sessions to expire</source>
        <translation>Zu beendende Sitzungen</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>Sitzungs-ID</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Startzeit</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht begonnen</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Expire %n session(s)</source>
        <translation>
            <numerusform>%n Sitzung &amp;beenden</numerusform>
            <numerusform>%n Sitzungen &amp;beenden</numerusform>
        </translation>
    </message>
    <message>
        <source>Expire the listed sessions</source>
        <translation>Die aufgeführten Sitzungen beenden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Expire no further sessions; requests already sent still finish</source>
        <translation>Keine weiteren Sitzungen beenden; bereits gesendete Anfragen werden noch abgeschlossen</translation>
    </message>
    <message>
        <source>Expiring sessions…</source>
        <translation>Sitzungen werden beendet …</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) expired.</source>
        <translation>
            <numerusform>%n Sitzung beendet.</numerusform>
            <numerusform>%n Sitzungen beendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 expired, %2 not expired: see each session&apos;s result.</source>
        <translation>%1 beendet, %2 nicht beendet: siehe das Ergebnis jeder Sitzung.</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Not expired (stopped)</source>
        <translation>Nicht beendet (angehalten)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Expiring…</source>
        <translation>Wird beendet …</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Not expired: %1</source>
        <translation>Nicht beendet: %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export sessions</source>
        <translation>Sitzungen exportieren</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Export actions</source>
        <translation>Exportaktionen</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>Choose the file and export</source>
        <translation>Datei wählen und exportieren</translation>
    </message>
    <message>
        <source>Close without exporting</source>
        <translation>Ohne Export schließen</translation>
    </message>
    <message>
        <source>&amp;Cancel export</source>
        <translation>Export &amp;abbrechen</translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation>Den Export abbrechen</translation>
    </message>
    <message>
        <source>Stop now; the file is not written</source>
        <translation>Jetzt anhalten; die Datei wird nicht geschrieben</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Back to the export options</source>
        <translation>Zurück zu den Exportoptionen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>No rows are selected.</source>
        <translation>Es sind keine Zeilen ausgewählt.</translation>
    </message>
    <message>
        <source>No rows are loaded.</source>
        <translation>Es sind keine Zeilen geladen.</translation>
    </message>
    <message>
        <source>Choose a portal first.</source>
        <translation>Wählen Sie zuerst ein Portal.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Export sessions to</source>
        <translation>Sitzungen exportieren nach</translation>
    </message>
    <message>
        <source>Exporting the selected rows (%1) to %2</source>
        <translation>Die ausgewählten Zeilen (%1) werden nach %2 exportiert</translation>
    </message>
    <message>
        <source>Exporting the loaded rows (%1) to %2</source>
        <translation>Die geladenen Zeilen (%1) werden nach %2 exportiert</translation>
    </message>
    <message>
        <source>Exporting every matching session of “%1” to %2</source>
        <translation>Alle passenden Sitzungen von „%1“ werden nach %2 exportiert</translation>
    </message>
</context>
<context>
    <name>ExportEnrichment</name>
    <message>
        <source>This session id cannot be a Q Apps session.</source>
        <translation>Diese Sitzungs-ID kann keine Q Apps-Sitzung sein.</translation>
    </message>
</context>
<context>
    <name>ExportFile</name>
    <message>
        <source>the output is not open for writing</source>
        <translation>Die Ausgabe ist nicht zum Schreiben geöffnet</translation>
    </message>
    <message>
        <source>no file name was given</source>
        <translation>Es wurde kein Dateiname angegeben</translation>
    </message>
    <message>
        <source>this is a folder, not a file</source>
        <translation>Dies ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>the file is not open</source>
        <translation>Die Datei ist nicht geöffnet</translation>
    </message>
</context>
<context>
    <name>ExportFileChooser</name>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ExportFormatText</name>
    <message>
        <source>CSV (spreadsheets)</source>
        <translation>CSV (Tabellenkalkulation)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>CSV, spreadsheet-safe</source>
        <translation>CSV, tabellensicher</translation>
    </message>
    <message>
        <source>CSV, exact values</source>
        <translation>CSV, exakte Werte</translation>
    </message>
    <message>
        <source>JSON (one array)</source>
        <translation>JSON (ein Array)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>JSON Lines (one object per line)</source>
        <translation>JSON Lines (ein Objekt pro Zeile)</translation>
    </message>
    <message>
        <source>JSON Lines files (*.jsonl)</source>
        <translation>JSON Lines-Dateien (*.jsonl)</translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
</context>
<context>
    <name>ExportOptions</name>
    <message>
        <source>Unknown column &quot;%1&quot;. Valid columns: %2.</source>
        <translation>Unbekannte Spalte „%1“. Gültige Spalten: %2.</translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; is listed twice.</source>
        <translation>Die Spalte „%1“ ist doppelt aufgeführt.</translation>
    </message>
    <message>
        <source>Choose at least one column to export.</source>
        <translation>Wählen Sie mindestens eine Spalte für den Export.</translation>
    </message>
</context>
<context>
    <name>ExportOptionsPage</name>
    <message>
        <source>Export options</source>
        <translation>Exportoptionen</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Sessions to export</source>
        <translation>Zu exportierende Sitzungen</translation>
    </message>
    <message>
        <source>Every session that matches the portal, filters and sort</source>
        <translation>Jede Sitzung, die zu Portal, Filtern und Sortierung passt</translation>
    </message>
    <message>
        <source>E&amp;very session that matches the portal, filters and sort</source>
        <translation>&amp;Jede Sitzung, die zu Portal, Filtern und Sortierung passt</translation>
    </message>
    <message>
        <source>Fetched from the service page by page while the file is written; the table is not changed.</source>
        <translation>Seite für Seite vom Dienst abgerufen, während die Datei geschrieben wird; die Tabelle bleibt unverändert.</translation>
    </message>
    <message>
        <source>Portal and filters</source>
        <translation>Portal und Filter</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Format and options</source>
        <translation>Format und Optionen</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Dateiformat</translation>
    </message>
    <message>
        <source>&amp;UTC, e.g. %1</source>
        <translation>&amp;UTC, z. B. %1</translation>
    </message>
    <message>
        <source>Times in UTC</source>
        <translation>Zeiten in UTC</translation>
    </message>
    <message>
        <source>&amp;Local time with its offset, e.g. %1</source>
        <translation>&amp;Ortszeit mit ihrem Offset, z. B. %1</translation>
    </message>
    <message>
        <source>Times in local time with the offset from UTC</source>
        <translation>Zeiten in Ortszeit mit dem Offset zu UTC</translation>
    </message>
    <message>
        <source>Start with a UTF-8 &amp;byte order mark</source>
        <translation>Mit einer UTF-8-&amp;Bytereihenfolgemarke beginnen</translation>
    </message>
    <message>
        <source>Start the file with a UTF-8 byte order mark</source>
        <translation>Die Datei mit einer UTF-8-Bytereihenfolgemarke beginnen</translation>
    </message>
    <message>
        <source>Some spreadsheet programs (Microsoft Excel among them) read a CSV file as UTF-8 only when it starts with this mark; without it, names with accents or other scripts can show garbled.</source>
        <translation>Manche Tabellenkalkulationen (darunter Microsoft Excel) lesen eine CSV-Datei nur dann als UTF-8, wenn sie mit dieser Marke beginnt; ohne sie können Namen mit Akzenten oder anderen Schriften verstümmelt erscheinen.</translation>
    </message>
    <message>
        <source>&amp;Spreadsheet-safe values</source>
        <translation>Tabellen&amp;sichere Werte</translation>
    </message>
    <message>
        <source>Spreadsheet-safe values</source>
        <translation>Tabellensichere Werte</translation>
    </message>
    <message>
        <source>Spreadsheet programs run a cell that starts with =, +, -, @, a tab or a carriage return as a formula. A user name chosen by someone else could then run a command or send data away when the file is opened (&quot;CSV formula injection&quot;). With this on, such cells get a leading apostrophe so they show as text. Turn it off only when another program needs the exact values.</source>
        <translation>Tabellenkalkulationen führen eine Zelle, die mit =, +, -, @, einem Tabulator oder einem Wagenrücklauf beginnt, als Formel aus. Ein von jemand anderem gewählter Benutzername könnte dann beim Öffnen der Datei einen Befehl ausführen oder Daten versenden („CSV formula injection“). Ist dies eingeschaltet, erhalten solche Zellen ein führendes Apostroph und erscheinen als Text. Schalten Sie es nur aus, wenn ein anderes Programm die exakten Werte braucht.</translation>
    </message>
    <message>
        <source>F&amp;ile format:</source>
        <translation>Datei&amp;format:</translation>
    </message>
    <message>
        <source>Times:</source>
        <translation>Zeiten:</translation>
    </message>
    <message>
        <source>CSV:</source>
        <translation>CSV:</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Spalte %1</translation>
    </message>
    <message>
        <source>Column “%1” in the file</source>
        <translation>Spalte „%1“ in der Datei</translation>
    </message>
    <message>
        <source>%1
Column “%2” in the file</source>
        <translation>%1
Spalte „%2“ in der Datei</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Columns to export</source>
        <translation>Zu exportierende Spalten</translation>
    </message>
    <message>
        <source>Session &amp;ID</source>
        <translation>Sitzungs-&amp;ID</translation>
    </message>
    <message>
        <source>User&amp;name</source>
        <translation>Benutzer&amp;name</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <source>Start ti&amp;me</source>
        <translation>Start&amp;zeit</translation>
    </message>
    <message>
        <source>En&amp;d time</source>
        <translation>En&amp;dzeit</translation>
    </message>
    <message>
        <source>Empty while the session is active</source>
        <translation>Leer, solange die Sitzung aktiv ist</translation>
    </message>
    <message>
        <source>Portal &amp;ARN</source>
        <translation>&amp;Portal-ARN</translation>
    </message>
    <message>
        <source>Duration (seconds)</source>
        <translation>Dauer (Sekunden)</translation>
    </message>
    <message>
        <source>Whole seconds from start to end; empty while the session is active</source>
        <translation>Ganze Sekunden vom Start bis zum Ende; leer, solange die Sitzung aktiv ist</translation>
    </message>
    <message>
        <source>Portal name</source>
        <translation>Portalname</translation>
    </message>
    <message>
        <source>Looked up for each session</source>
        <translation>Für jede Sitzung nachgeschlagen</translation>
    </message>
    <message>
        <source>About looked-up columns</source>
        <translation>Zu den nachgeschlagenen Spalten</translation>
    </message>
    <message>
        <source>Each of these needs one more request per session, so a large export takes longer.</source>
        <translation>Jede dieser Spalten braucht eine weitere Anfrage pro Sitzung; ein großer Export dauert daher länger.</translation>
    </message>
    <message>
        <source>&amp;Client IP addresses</source>
        <translation>&amp;Client-IP-Adressen</translation>
    </message>
    <message>
        <source>One GetSession request per session; the addresses are joined with &apos;;&apos; in CSV</source>
        <translation>Eine GetSession-Anfrage pro Sitzung; in CSV werden die Adressen mit &apos;;&apos; verbunden</translation>
    </message>
    <message>
        <source>Amazon Q Apps sharing</source>
        <translation>Amazon Q Apps-Freigabe</translation>
    </message>
    <message>
        <source>One GetQAppSessionMetadata request per session</source>
        <translation>Eine GetQAppSessionMetadata-Anfrage pro Sitzung</translation>
    </message>
    <message>
        <source>Q App session</source>
        <translation>Q App-Sitzung</translation>
    </message>
    <message>
        <source>%1; “present” or “none”</source>
        <translation>%1; „present“ oder „none“</translation>
    </message>
    <message>
        <source>Q App session name</source>
        <translation>Name der Q App-Sitzung</translation>
    </message>
    <message>
        <source>Sharing enabled</source>
        <translation>Freigabe aktiviert</translation>
    </message>
    <message>
        <source>Accepts responses</source>
        <translation>Nimmt Antworten an</translation>
    </message>
    <message>
        <source>Reveals cards</source>
        <translation>Deckt Karten auf</translation>
    </message>
    <message>
        <source>You own the session</source>
        <translation>Sitzung gehört Ihnen</translation>
    </message>
    <message>
        <source>%1; whether the caller&apos;s identity owns the Q App session</source>
        <translation>%1; ob die Q App-Sitzung der aufrufenden Identität gehört</translation>
    </message>
    <message>
        <source>Why the Q App columns are unavailable</source>
        <translation>Warum die Q App-Spalten nicht verfügbar sind</translation>
    </message>
    <message>
        <source>Reading Q App sharing settings needs the ID of your Amazon Q Business instance, which is not set for this connection.</source>
        <translation>Um Q App-Freigabeeinstellungen zu lesen, wird die ID Ihrer Amazon Q Business-Instanz benötigt; sie ist für diese Verbindung nicht festgelegt.</translation>
    </message>
    <message>
        <source>Set &amp;instance ID…</source>
        <translation>&amp;Instanz-ID festlegen …</translation>
    </message>
    <message>
        <source>Set the Amazon Q Business instance ID</source>
        <translation>Die Amazon Q Business-Instanz-ID festlegen</translation>
    </message>
    <message>
        <source>Default co&amp;lumns</source>
        <translation>Standardspa&amp;lten</translation>
    </message>
    <message>
        <source>Choose the default columns</source>
        <translation>Die Standardspalten wählen</translation>
    </message>
    <message>
        <source>Session ID, username, status, start time, end time and portal ARN: the fields of the session list</source>
        <translation>Sitzungs-ID, Benutzername, Status, Startzeit, Endzeit und Portal-ARN: die Felder der Sitzungsliste</translation>
    </message>
    <message>
        <source>&amp;Selected rows (%1)</source>
        <translation>&amp;Ausgewählte Zeilen (%1)</translation>
    </message>
    <message>
        <source>Selected rows</source>
        <translation>Ausgewählte Zeilen</translation>
    </message>
    <message>
        <source>&amp;Loaded rows (%1, the whole list)</source>
        <translation>&amp;Geladene Zeilen (%1, die ganze Liste)</translation>
    </message>
    <message>
        <source>&amp;Loaded rows (%1)</source>
        <translation>&amp;Geladene Zeilen (%1)</translation>
    </message>
    <message>
        <source>Loaded rows</source>
        <translation>Geladene Zeilen</translation>
    </message>
    <message>
        <source>Only the rows the table has loaded so far, in its order</source>
        <translation>Nur die Zeilen, die die Tabelle bisher geladen hat, in ihrer Reihenfolge</translation>
    </message>
    <message>
        <source>No portal is chosen.</source>
        <translation>Es ist kein Portal gewählt.</translation>
    </message>
    <message>
        <source>Portal “%1”</source>
        <translation>Portal „%1“</translation>
    </message>
    <message>
        <source>any status</source>
        <translation>jeder Status</translation>
    </message>
    <message>
        <source>active only</source>
        <translation>nur aktive</translation>
    </message>
    <message>
        <source>terminated only</source>
        <translation>nur beendete</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>session %1</source>
        <translation>Sitzung %1</translation>
    </message>
    <message>
        <source>newest first</source>
        <translation>neueste zuerst</translation>
    </message>
    <message>
        <source>oldest first</source>
        <translation>älteste zuerst</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>Fetched from the service; the table is not changed.</source>
        <translation>Vom Dienst abgerufen; die Tabelle bleibt unverändert.</translation>
    </message>
    <message>
        <source>Portal: %1</source>
        <translation>Portal: %1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Benutzer: %1</translation>
    </message>
</context>
<context>
    <name>ExportProgressPage</name>
    <message>
        <source>Export progress</source>
        <translation>Exportfortschritt</translation>
    </message>
    <message>
        <source>What is exported</source>
        <translation>Was exportiert wird</translation>
    </message>
    <message>
        <source>Sessions written</source>
        <translation>Geschriebene Sitzungen</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>Verstrichene Zeit</translation>
    </message>
    <message>
        <source>Lookups</source>
        <translation>Abfragen</translation>
    </message>
    <message>
        <source>GetSession and GetQAppSessionMetadata requests for the looked-up columns</source>
        <translation>GetSession- und GetQAppSessionMetadata-Anfragen für die nachgeschlagenen Spalten</translation>
    </message>
    <message>
        <source>Sessions written:</source>
        <translation>Geschriebene Sitzungen:</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Geschwindigkeit:</translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation>Verstrichen:</translation>
    </message>
    <message>
        <source>Lookups:</source>
        <translation>Abfragen:</translation>
    </message>
    <message>
        <source>Slowed down</source>
        <translation>Verlangsamt</translation>
    </message>
    <message>
        <source>Slowed down: AWS is limiting requests. The export goes on with fewer requests at a time.</source>
        <translation>Verlangsamt: AWS drosselt die Anfragen. Der Export läuft mit weniger gleichzeitigen Anfragen weiter.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Format and columns</source>
        <translation>Format und Spalten</translation>
    </message>
    <message>
        <source>%1 · times in %2 · columns: %3</source>
        <translation>%1 · Zeiten in %2 · Spalten: %3</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>local time with offset</source>
        <translation>Ortszeit mit Offset</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 sessions per second</source>
        <translation>%1 Sitzungen pro Sekunde</translation>
    </message>
    <message>
        <source>%1 answered, %2 in flight</source>
        <translation>%1 beantwortet, %2 unterwegs</translation>
    </message>
</context>
<context>
    <name>GatewayExportEnrichment</name>
    <message>
        <source>The connection was closed during the export.</source>
        <translation>Die Verbindung wurde während des Exports geschlossen.</translation>
    </message>
</context>
<context>
    <name>GuiCredentialPrompts</name>
    <message>
        <source>Not signed in: the MFA code was not entered.</source>
        <translation>Nicht angemeldet: Der MFA-Code wurde nicht eingegeben.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>&amp;Tastenkürzel …</translation>
    </message>
    <message>
        <source>&amp;About SessionScope</source>
        <translation>&amp;Über SessionScope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>Über Qt</translation>
    </message>
</context>
<context>
    <name>InstanceMetadataProvider</name>
    <message>
        <source>The instance metadata endpoint %1 is not a URL such as http://169.254.169.254.</source>
        <translation>Der Instanz-Metadaten-Endpunkt %1 ist keine URL wie http://169.254.169.254.</translation>
    </message>
    <message>
        <source>The instance metadata endpoint mode must be IPv4 or IPv6, not &quot;%1&quot;.</source>
        <translation>Der Modus des Instanz-Metadaten-Endpunkts muss IPv4 oder IPv6 sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>EC2 instance metadata</source>
        <translation>EC2-Instanz-Metadaten</translation>
    </message>
    <message>
        <source>No credentials from the EC2 instance metadata service (%1): %2</source>
        <translation>Keine Anmeldeinformationen vom EC2-Instanz-Metadatendienst (%1): %2</translation>
    </message>
    <message>
        <source>The EC2 instance metadata service is turned off (AWS_EC2_METADATA_DISABLED).</source>
        <translation>Der EC2-Instanz-Metadatendienst ist abgeschaltet (AWS_EC2_METADATA_DISABLED).</translation>
    </message>
    <message>
        <source>no IMDSv2 token, and IMDSv1 is turned off (ec2_metadata_v1_disabled)</source>
        <translation>kein IMDSv2-Token, und IMDSv1 ist abgeschaltet (ec2_metadata_v1_disabled)</translation>
    </message>
    <message>
        <source>the token request was refused (HTTP 400)</source>
        <translation>die Token-Anfrage wurde abgelehnt (HTTP 400)</translation>
    </message>
    <message>
        <source>the instance has no IAM role</source>
        <translation>die Instanz hat keine IAM-Rolle</translation>
    </message>
    <message>
        <source>it did not answer in time</source>
        <translation>er hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>it answered HTTP %1</source>
        <translation>er hat mit HTTP %1 geantwortet</translation>
    </message>
    <message>
        <source>EC2 instance role %1</source>
        <translation>EC2-Instanzrolle %1</translation>
    </message>
    <message>
        <source>The EC2 instance metadata service answered without complete credentials for the role %1.</source>
        <translation>Der EC2-Instanz-Metadatendienst hat ohne vollständige Anmeldeinformationen für die Rolle %1 geantwortet.</translation>
    </message>
</context>
<context>
    <name>KeychainAccess</name>
    <message>
        <source>no details</source>
        <translation>keine Details</translation>
    </message>
    <message>
        <source>No keychain service is running (Secret Service over D-Bus): there is no D-Bus session bus to reach it. Run SessionScope in a desktop session, or start one with dbus-run-session and a keyring such as gnome-keyring.</source>
        <translation>Es läuft kein Schlüsselbunddienst (Secret Service über D-Bus): Es gibt keinen D-Bus-Sitzungsbus, um ihn zu erreichen. Starten Sie SessionScope in einer Desktop-Sitzung oder starten Sie eine mit dbus-run-session und einem Schlüsselbund wie gnome-keyring.</translation>
    </message>
    <message>
        <source>No keychain service is running (Secret Service over D-Bus): nothing provides org.freedesktop.secrets on the session bus. Start gnome-keyring, KWallet or KeePassXC&apos;s Secret Service integration, then retry.</source>
        <translation>Es läuft kein Schlüsselbunddienst (Secret Service über D-Bus): Nichts stellt org.freedesktop.secrets auf dem Sitzungsbus bereit. Starten Sie gnome-keyring, KWallet oder die Secret-Service-Integration von KeePassXC und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The system keychain is locked, so the secret of %1 cannot be %2. Unlock it (for example in your desktop&apos;s Passwords and Keys application, or by logging in again), then retry.</source>
        <translation>Der Systemschlüsselbund ist gesperrt, daher kann das Geheimnis von %1 nicht %2 werden. Entsperren Sie ihn (zum Beispiel in der Anwendung „Passwörter und Verschlüsselung“ Ihres Desktops oder durch erneutes Anmelden) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>read</source>
        <translation>gelesen</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>The system keychain holds no secret for %1. Enter the secret access key again in the profile&apos;s settings.</source>
        <translation>Der Systemschlüsselbund enthält kein Geheimnis für %1. Geben Sie den geheimen Zugriffsschlüssel in den Profileinstellungen erneut ein.</translation>
    </message>
    <message>
        <source>Access to the system keychain was denied by the user, so the secret of %1 is not available.</source>
        <translation>Der Zugriff auf den Systemschlüsselbund wurde vom Benutzer verweigert, daher ist das Geheimnis von %1 nicht verfügbar.</translation>
    </message>
    <message>
        <source>The system keychain denied access to the secret of %1: %2</source>
        <translation>Der Systemschlüsselbund hat den Zugriff auf das Geheimnis von %1 verweigert: %2</translation>
    </message>
    <message>
        <source>No keychain service is available on this system: %1</source>
        <translation>Auf diesem System ist kein Schlüsselbunddienst verfügbar: %1</translation>
    </message>
    <message>
        <source>The system keychain is not supported on this platform.</source>
        <translation>Der Systemschlüsselbund wird auf dieser Plattform nicht unterstützt.</translation>
    </message>
    <message>
        <source>Could not delete the secret of %1 from the system keychain: %2</source>
        <translation>Das Geheimnis von %1 konnte nicht aus dem Systemschlüsselbund gelöscht werden: %2</translation>
    </message>
    <message>
        <source>The system keychain failed while handling the secret of %1: %2</source>
        <translation>Beim Verarbeiten des Geheimnisses von %1 ist im Systemschlüsselbund ein Fehler aufgetreten: %2</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;System language</source>
        <translation>&amp;Systemsprache</translation>
    </message>
    <message>
        <source>SessionScope will follow the system language the next time it starts.</source>
        <translation>SessionScope verwendet beim nächsten Start die Systemsprache.</translation>
    </message>
    <message>
        <source>SessionScope will use %1 the next time it starts.</source>
        <extracomment>%1 is the name of a language in that language, e.g. &quot;Deutsch&quot; or &quot;日本語&quot;.</extracomment>
        <translation>SessionScope verwendet beim nächsten Start %1.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Sprache</translation>
    </message>
</context>
<context>
    <name>LoginCommand</name>
    <message>
        <source>There is no profile %1 in %2.</source>
        <translation>Es gibt kein Profil %1 in %2.</translation>
    </message>
    <message>
        <source>Profile %1 does not use IAM Identity Center, so there is nothing to sign in to: &quot;login&quot; is for profiles with sso_session or sso_start_url.</source>
        <translation>Das Profil %1 verwendet IAM Identity Center nicht, daher gibt es keine Anmeldung: „login“ ist für Profile mit sso_session oder sso_start_url.</translation>
    </message>
    <message>
        <source>To sign in, open this URL in a browser on any device:

%1

and check that it shows the code:

%2

(Or open %3 and enter the code.) Waiting for the approval; Ctrl-C cancels.</source>
        <translation>Öffnen Sie zum Anmelden diese URL in einem Browser auf einem beliebigen Gerät:

%1

und prüfen Sie, ob sie diesen Code zeigt:

%2

(Oder öffnen Sie %3 und geben Sie den Code ein.) Warte auf die Freigabe; Ctrl-C bricht ab.</translation>
    </message>
    <message>
        <source>Signed in to IAM Identity Center with profile %1 until %2.
</source>
        <translation>Mit Profil %1 bei IAM Identity Center angemeldet bis %2.
</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SessionScope</source>
        <translation>SessionScope</translation>
    </message>
    <message>
        <source>Sessions and details</source>
        <translation>Sitzungen und Details</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The portals could not be loaded. %1</source>
        <translation>Die Portale konnten nicht geladen werden. %1</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>There are no WorkSpaces Secure Browser portals in %1. Check the region of the connection.</source>
        <translation>In %1 gibt es keine WorkSpaces Secure Browser-Portale. Prüfen Sie die Region der Verbindung.</translation>
    </message>
    <message numerus="yes">
        <source>The service sent %n session(s) twice; each is shown once.</source>
        <translation>
            <numerusform>Der Dienst hat %n Sitzung doppelt gesendet; sie wird einmal angezeigt.</numerusform>
            <numerusform>Der Dienst hat %n Sitzungen doppelt gesendet; jede wird einmal angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>SessionScope — Demo data</source>
        <translation>SessionScope — Demodaten</translation>
    </message>
    <message>
        <source>SessionScope — %1</source>
        <translation>SessionScope — %1</translation>
    </message>
    <message>
        <source>No sessions match these filters.</source>
        <translation>Keine Sitzungen entsprechen diesen Filtern.</translation>
    </message>
    <message>
        <source>This portal has no sessions. Terminated sessions are kept for about 35 days.</source>
        <translation>Dieses Portal hat keine Sitzungen. Beendete Sitzungen werden etwa 35 Tage aufbewahrt.</translation>
    </message>
    <message>
        <source>Loading sessions…</source>
        <translation>Sitzungen werden geladen …</translation>
    </message>
    <message>
        <source>No portal to show.</source>
        <translation>Kein Portal anzuzeigen.</translation>
    </message>
    <message>
        <source>%1 The sessions loaded so far stay in the list.</source>
        <translation>%1 Die bisher geladenen Sitzungen bleiben in der Liste.</translation>
    </message>
    <message numerus="yes">
        <source>AWS is limiting requests; retrying in %n s.</source>
        <translation>
            <numerusform>AWS drosselt die Anfragen; neuer Versuch in %n s.</numerusform>
            <numerusform>AWS drosselt die Anfragen; neuer Versuch in %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The network did not answer; retrying in %n s.</source>
        <translation>
            <numerusform>Das Netzwerk hat nicht geantwortet; neuer Versuch in %n s.</numerusform>
            <numerusform>Das Netzwerk hat nicht geantwortet; neuer Versuch in %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>AWS had a temporary problem; retrying in %n s.</source>
        <translation>
            <numerusform>AWS hatte ein vorübergehendes Problem; neuer Versuch in %n s.</numerusform>
            <numerusform>AWS hatte ein vorübergehendes Problem; neuer Versuch in %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s) as tab-separated values</source>
        <translation>
            <numerusform>%n Zeile als tabulatorgetrennte Werte kopiert</numerusform>
            <numerusform>%n Zeilen als tabulatorgetrennte Werte kopiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n session ID(s)</source>
        <translation>
            <numerusform>%n Sitzungs-ID kopiert</numerusform>
            <numerusform>%n Sitzungs-IDs kopiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Only active sessions can be expired; none is selected.</source>
        <translation>Nur aktive Sitzungen können beendet werden; keine ist ausgewählt.</translation>
    </message>
    <message numerus="yes">
        <source>Expired %1 of %n session(s)</source>
        <translation>
            <numerusform>%1 von %n Sitzung beendet</numerusform>
            <numerusform>%1 von %n Sitzungen beendet</numerusform>
        </translation>
    </message>
    <message>
        <source>Amazon Q Business instance ID</source>
        <translation>Amazon Q Business-Instanz-ID</translation>
    </message>
    <message>
        <source>Amazon Q Business instance</source>
        <translation>Amazon Q Business-Instanz</translation>
    </message>
    <message>
        <source>The ID of the Amazon Q Business instance whose Q Apps sessions to read (for profile %1). Leave empty to turn Q App sharing off.</source>
        <translation>Die ID der Amazon Q Business-Instanz, deren Q Apps-Sitzungen gelesen werden (für Profil %1). Leer lassen, um die Q App-Freigabe auszuschalten.</translation>
    </message>
    <message>
        <source>“%1” is not an Amazon Q Business instance ID (it looks like a1b2c3d4-5678-90ab-cdef-EXAMPLE11111).</source>
        <translation>„%1“ ist keine Amazon Q Business-Instanz-ID (sie sieht so aus: a1b2c3d4-5678-90ab-cdef-EXAMPLE11111).</translation>
    </message>
    <message>
        <source>Your IAM Identity Center sign-in for profile %1 has expired.</source>
        <translation>Ihre IAM Identity Center-Anmeldung für das Profil %1 ist abgelaufen.</translation>
    </message>
    <message>
        <source>&amp;Sign in again</source>
        <translation>Erneut &amp;anmelden</translation>
    </message>
</context>
<context>
    <name>MainWindowActions</name>
    <message>
        <source>&amp;Connection…</source>
        <translation>&amp;Verbindung …</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Load &amp;all pages</source>
        <translation>Alle Seiten &amp;laden</translation>
    </message>
    <message>
        <source>&amp;Times in UTC</source>
        <translation>&amp;Zeiten in UTC</translation>
    </message>
    <message>
        <source>&amp;Copy selected rows</source>
        <translation>Ausgewählte Zeilen &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy session &amp;ID</source>
        <translation>Sitzungs-&amp;ID kopieren</translation>
    </message>
    <message>
        <source>&amp;Expire selected sessions…</source>
        <translation>Ausgewählte Sitzungen &amp;beenden …</translation>
    </message>
    <message>
        <source>Expire selected sessions…</source>
        <comment>toolbar button</comment>
        <translation>Sitzungen beenden …</translation>
    </message>
    <message>
        <source>Filter by &amp;username</source>
        <translation>Nach Benutzer&amp;name filtern</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>Filter zu&amp;rücksetzen</translation>
    </message>
    <message>
        <source>Go to &amp;sessions</source>
        <translation>Zu den S&amp;itzungen</translation>
    </message>
    <message>
        <source>Go to &amp;details</source>
        <translation>Zu den &amp;Details</translation>
    </message>
    <message>
        <source>Choose &amp;portal</source>
        <translation>&amp;Portal wählen</translation>
    </message>
    <message>
        <source>Look up a &amp;Q App session</source>
        <translation>&amp;Q App-Sitzung nachschlagen</translation>
    </message>
    <message>
        <source>Amazon Q &amp;Business instance…</source>
        <translation>Amazon Q Business-&amp;Instanz …</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Demodaten</translation>
    </message>
    <message>
        <source>Connected to the built-in emulator with generated data; nothing here is real.</source>
        <translation>Mit dem eingebauten Emulator und generierten Daten verbunden; nichts hiervon ist echt.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sitzung</translation>
    </message>
</context>
<context>
    <name>MaxAttemptsResolver</name>
    <message>
        <source>profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <source>max_attempts (from %1) must be a whole number of at least 1, not &quot;%2&quot;.</source>
        <translation>max_attempts (aus %1) muss eine ganze Zahl von mindestens 1 sein, nicht „%2“.</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Message severity</source>
        <translation>Schweregrad der Meldung</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Meldungstext</translation>
    </message>
    <message>
        <source>Message action</source>
        <translation>Aktion zur Meldung</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>MfaCodeDialog</name>
    <message>
        <source>MFA code</source>
        <translation>MFA-Code</translation>
    </message>
    <message>
        <source>Profile “%1” assumes the role %2 (%3). Enter the current code of your MFA device %4.</source>
        <extracomment>%1 the profile, %2 the role&apos;s name, %3 the role&apos;s ARN, %4 the MFA device (ARN or serial number).</extracomment>
        <translation>Das Profil „%1“ übernimmt die Rolle %2 (%3). Geben Sie den aktuellen Code Ihres MFA-Geräts %4 ein.</translation>
    </message>
    <message>
        <source>Six digits from the MFA device %1</source>
        <translation>Sechs Ziffern vom MFA-Gerät %1</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 Ziffern</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;MFA code:</source>
        <translation>&amp;MFA-Code:</translation>
    </message>
</context>
<context>
    <name>NetworkSettings</name>
    <message>
        <source>connection settings</source>
        <translation>Verbindungseinstellungen</translation>
    </message>
    <message>
        <source>this is not a proxy URL; write it as http://host:port.</source>
        <translation>Dies ist keine Proxy-URL; schreiben Sie sie als http://host:port.</translation>
    </message>
    <message>
        <source>proxies are reached over http:// or https://, not %1://.</source>
        <translation>Proxys werden über http:// oder https:// erreicht, nicht über %1://.</translation>
    </message>
    <message>
        <source>a proxy URL has no path; write it as http://host:port.</source>
        <translation>Eine Proxy-URL hat keinen Pfad; schreiben Sie sie als http://host:port.</translation>
    </message>
    <message>
        <source>a proxy URL has no query or fragment; write it as http://host:port.</source>
        <translation>Eine Proxy-URL hat keinen Abfrageteil und kein Fragment; schreiben Sie sie als http://host:port.</translation>
    </message>
    <message>
        <source>“%1” is not a number of seconds.</source>
        <translation>„%1“ ist keine Anzahl von Sekunden.</translation>
    </message>
    <message>
        <source>a timeout cannot be negative (0 means no limit).</source>
        <translation>Ein Timeout kann nicht negativ sein (0 bedeutet unbegrenzt).</translation>
    </message>
    <message>
        <source>%1 seconds is too long; write 0 for no limit.</source>
        <translation>%1 Sekunden sind zu lang; schreiben Sie 0 für unbegrenzt.</translation>
    </message>
</context>
<context>
    <name>NetworkSettingsGroupBox</name>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>As the environment says (HTTPS_PROXY, HTTP_PROXY, NO_PROXY)</source>
        <translation>Wie in der Umgebung angegeben (HTTPS_PROXY, HTTP_PROXY, NO_PROXY)</translation>
    </message>
    <message>
        <source>The system&apos;s proxy settings</source>
        <translation>Die Proxy-Einstellungen des Systems</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>Kein Proxy</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>HTTPS proxy</source>
        <translation>HTTPS-Proxy</translation>
    </message>
    <message>
        <source>http://proxy.example.com:3128 — for https:// requests</source>
        <translation>http://proxy.example.com:3128 — für https://-Anfragen</translation>
    </message>
    <message>
        <source>HTTP proxy</source>
        <translation>HTTP-Proxy</translation>
    </message>
    <message>
        <source>empty: http:// requests go direct</source>
        <translation>leer: http://-Anfragen gehen direkt</translation>
    </message>
    <message>
        <source>No proxy for</source>
        <translation>Kein Proxy für</translation>
    </message>
    <message>
        <source>.corp.example, 10.0.0.0/8, localhost</source>
        <translation>.corp.example, 10.0.0.0/8, localhost</translation>
    </message>
    <message>
        <source>Hosts reached directly, separated by commas: names (with or without a leading dot), IP addresses, CIDR ranges, each with an optional :port; * for all.</source>
        <translation>Direkt erreichte Hosts, durch Kommas getrennt: Namen (mit oder ohne führenden Punkt), IP-Adressen, CIDR-Bereiche, jeweils mit optionalem :port; * für alle.</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA-Bundle</translation>
    </message>
    <message>
        <source>empty: AWS_CA_BUNDLE, the profile&apos;s ca_bundle, the system&apos;s</source>
        <translation>leer: AWS_CA_BUNDLE, ca_bundle des Profils, das des Systems</translation>
    </message>
    <message>
        <source>Choose the CA bundle file</source>
        <translation>CA-Bundle-Datei auswählen</translation>
    </message>
    <message>
        <source>empty: the profile&apos;s or the default; 0: no limit</source>
        <translation>leer: Wert des Profils oder Standard; 0: unbegrenzt</translation>
    </message>
    <message>
        <source>Connect timeout in seconds</source>
        <translation>Verbindungs-Timeout in Sekunden</translation>
    </message>
    <message>
        <source>default (10)</source>
        <translation>Standard (10)</translation>
    </message>
    <message>
        <source>Read timeout in seconds</source>
        <translation>Lese-Timeout in Sekunden</translation>
    </message>
    <message>
        <source>default (60)</source>
        <translation>Standard (60)</translation>
    </message>
    <message>
        <source>Problem with the network settings</source>
        <translation>Problem mit den Netzwerkeinstellungen</translation>
    </message>
    <message>
        <source>Connect timeo&amp;ut (s):</source>
        <translation>Verbindungs-Timeo&amp;ut (s):</translation>
    </message>
    <message>
        <source>Read ti&amp;meout (s):</source>
        <translation>Lese-Ti&amp;meout (s):</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>Pro&amp;xy:</translation>
    </message>
    <message>
        <source>&amp;HTTPS proxy:</source>
        <translation>&amp;HTTPS-Proxy:</translation>
    </message>
    <message>
        <source>HTTP pr&amp;oxy:</source>
        <translation>HTTP-Pr&amp;oxy:</translation>
    </message>
    <message>
        <source>No proxy &amp;for:</source>
        <translation>&amp;Kein Proxy für:</translation>
    </message>
    <message>
        <source>C&amp;A bundle:</source>
        <translation>&amp;CA-Bundle:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 a field&apos;s name (&quot;HTTPS proxy&quot;), %2 what is wrong with it</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>a manual proxy needs an HTTPS or HTTP proxy URL (or choose “No proxy”).</source>
        <translation>Ein manueller Proxy braucht eine HTTPS- oder HTTP-Proxy-URL (oder wählen Sie „Kein Proxy“).</translation>
    </message>
    <message>
        <source>the file %1 does not exist.</source>
        <translation>Die Datei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>the file %1 cannot be read.</source>
        <translation>Die Datei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>Verbindungs-Timeout</translation>
    </message>
    <message>
        <source>Read timeout</source>
        <translation>Lese-Timeout</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>PortalSelector</name>
    <message>
        <source>Portal</source>
        <translation>Portal</translation>
    </message>
    <message>
        <source>P&amp;ortal:</source>
        <translation>P&amp;ortal:</translation>
    </message>
    <message>
        <source>Copy portal ID or ARN</source>
        <translation>Portal-ID oder -ARN kopieren</translation>
    </message>
    <message>
        <source>Copy the portal&apos;s ID or ARN</source>
        <translation>Die ID oder den ARN des Portals kopieren</translation>
    </message>
    <message>
        <source>Copy portal &amp;ID</source>
        <translation>Portal-&amp;ID kopieren</translation>
    </message>
    <message>
        <source>Copy portal &amp;ARN</source>
        <translation>Portal-&amp;ARN kopieren</translation>
    </message>
    <message>
        <source>%1
ID: %2
ARN: %3</source>
        <translation>%1
ID: %2
ARN: %3</translation>
    </message>
    <message>
        <source>Loading portals…</source>
        <translation>Portale werden geladen …</translation>
    </message>
    <message>
        <source>Portals could not be loaded</source>
        <translation>Portale konnten nicht geladen werden</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No portals in this region</source>
        <translation>Keine Portale in dieser Region</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>unvollständig</translation>
    </message>
    <message>
        <source>status unknown</source>
        <translation>Status unbekannt</translation>
    </message>
</context>
<context>
    <name>PortalsCommand</name>
    <message>
        <source>PORTAL ID</source>
        <translation>PORTAL-ID</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>ERSTELLT</translation>
    </message>
    <message>
        <source>MAX SESSIONS</source>
        <translation>MAX. SITZUNGEN</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
</context>
<context>
    <name>ProfileCredentialsProvider</name>
    <message>
        <source>The profile &quot;%1&quot; was not found in %2.</source>
        <translation>Das Profil „%1“ wurde nicht in %2 gefunden.</translation>
    </message>
    <message>
        <source>profile %1 (%2)</source>
        <translation>Profil %1 (%2)</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; (%2) has no credentials: set aws_access_key_id and aws_secret_access_key, credential_process, role_arn with source_profile, web_identity_token_file or an IAM Identity Center sign-in (sso_session).</source>
        <translation>Das Profil „%1“ (%2) hat keine Anmeldeinformationen: Setzen Sie aws_access_key_id und aws_secret_access_key, credential_process, role_arn mit source_profile, web_identity_token_file oder eine IAM Identity Center-Anmeldung (sso_session).</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; contains both source_profile and credential_source; keep one of them.</source>
        <translation>Das Profil „%1“ enthält sowohl source_profile als auch credential_source; behalten Sie nur eines davon.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has role_arn but neither source_profile nor credential_source to assume the role with.</source>
        <translation>Das Profil „%1“ hat role_arn, aber weder source_profile noch credential_source, um die Rolle zu übernehmen.</translation>
    </message>
    <message>
        <source>The credential_source &quot;%1&quot; of the profile &quot;%2&quot; is not valid: use Environment, Ec2InstanceMetadata or EcsContainer.</source>
        <translation>Die credential_source „%1“ des Profils „%2“ ist ungültig: Verwenden Sie Environment, Ec2InstanceMetadata oder EcsContainer.</translation>
    </message>
    <message>
        <source>The source_profile &quot;%1&quot; named in the profile &quot;%2&quot; does not exist.</source>
        <translation>Das im Profil „%2“ genannte source_profile „%1“ existiert nicht.</translation>
    </message>
    <message>
        <source>The profiles&apos; source_profile settings form a loop: %1. Point one of them at a profile with credentials.</source>
        <translation>Die source_profile-Einstellungen der Profile bilden eine Schleife: %1. Lassen Sie eines davon auf ein Profil mit Anmeldeinformationen zeigen.</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; (%2) has aws_secret_access_key but no aws_access_key_id.</source>
        <translation>Das Profil „%1“ (%2) hat aws_secret_access_key, aber keine aws_access_key_id.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; (%2) has aws_access_key_id but no aws_secret_access_key.</source>
        <translation>Das Profil „%1“ (%2) hat aws_access_key_id, aber keinen aws_secret_access_key.</translation>
    </message>
</context>
<context>
    <name>ProxyAuthenticationHandler</name>
    <message>
        <source>Not connected: the proxy %1 refused the user name and password again. Check them, then connect again.</source>
        <translation>Nicht verbunden: Der Proxy %1 hat Benutzername und Passwort erneut abgelehnt. Prüfen Sie sie und verbinden Sie sich dann erneut.</translation>
    </message>
    <message>
        <source>Not connected: the proxy %1 needs a user name and password.</source>
        <translation>Nicht verbunden: Der Proxy %1 braucht einen Benutzernamen und ein Passwort.</translation>
    </message>
</context>
<context>
    <name>ProxyCredentialStore</name>
    <message>
        <source>proxy %1:%2</source>
        <translation>Proxy %1:%2</translation>
    </message>
    <message>
        <source>proxy %1</source>
        <translation>Proxy %1</translation>
    </message>
</context>
<context>
    <name>ProxyCredentialsDialog</name>
    <message>
        <source>&amp;Remember in the keychain</source>
        <translation>Im &amp;Schlüsselbund speichern</translation>
    </message>
    <message>
        <source>Proxy sign-in</source>
        <translation>Proxy-Anmeldung</translation>
    </message>
    <message>
        <source>The proxy %1 did not accept the user name and password. Enter them again.</source>
        <extracomment>%1 the proxy&apos;s host and port (&quot;proxy.corp.example:3128&quot;)</extracomment>
        <translation>Der Proxy %1 hat Benutzername und Passwort nicht angenommen. Geben Sie sie erneut ein.</translation>
    </message>
    <message>
        <source>The proxy %1 needs a user name and password before SessionScope can reach AWS.</source>
        <translation>Der Proxy %1 braucht einen Benutzernamen und ein Passwort, bevor SessionScope AWS erreichen kann.</translation>
    </message>
    <message>
        <source>Proxy user name</source>
        <translation>Proxy-Benutzername</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>Proxy-Passwort</translation>
    </message>
    <message>
        <source>Remember in the keychain</source>
        <translation>Im Schlüsselbund speichern</translation>
    </message>
    <message>
        <source>Keep the user name and password in the system keychain for the next time this proxy asks.</source>
        <translation>Benutzername und Passwort im Systemschlüsselbund aufbewahren, für das nächste Mal, wenn dieser Proxy danach fragt.</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
</context>
<context>
    <name>ProxySettings</name>
    <message>
        <source>The proxy &quot;%1&quot;%2 is not a URL with a host, such as http://proxy.example.com:3128.</source>
        <extracomment>%1 the proxy URL (without its password), %2 where it was set, e.g. &quot; (HTTPS_PROXY)&quot;</extracomment>
        <translation>Der Proxy „%1“%2 ist keine URL mit Host wie http://proxy.example.com:3128.</translation>
    </message>
    <message>
        <source>The proxy &quot;%1&quot;%2 is reached over https, which SessionScope cannot do; use http://, through which https requests are still encrypted end to end.</source>
        <translation>Der Proxy „%1“%2 wird über https erreicht, was SessionScope nicht kann; verwenden Sie http://, über das https-Anfragen trotzdem durchgehend verschlüsselt bleiben.</translation>
    </message>
    <message>
        <source>The proxy &quot;%1&quot;%2 has the scheme &quot;%3&quot;; SessionScope speaks to http:// and socks5:// proxies.</source>
        <translation>Der Proxy „%1“%2 hat das Schema „%3“; SessionScope spricht mit http://- und socks5://-Proxys.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>the system&apos;s proxy settings</source>
        <translation>die Proxy-Einstellungen des Systems</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>direkt</translation>
    </message>
    <message>
        <source>https: %1, http: %2</source>
        <extracomment>%1 the proxy of https requests, %2 the one of http requests (a URL or &quot;direct&quot;)</extracomment>
        <translation>https: %1, http: %2</translation>
    </message>
    <message>
        <source>; not for: %1</source>
        <extracomment>%1 the NO_PROXY entries, comma-separated</extracomment>
        <translation>; nicht für: %1</translation>
    </message>
</context>
<context>
    <name>ProxyTunnelProbe</name>
    <message>
        <source>no answer in time</source>
        <translation>keine rechtzeitige Antwort</translation>
    </message>
</context>
<context>
    <name>QAppSharingSection</name>
    <message>
        <source>Not set</source>
        <translation>Nicht festgelegt</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source>Q App sharing</source>
        <translation>Q App-Freigabe</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>&amp;Nachschlagen</translation>
    </message>
    <message>
        <source>Q App session name</source>
        <translation>Name der Q App-Sitzung</translation>
    </message>
    <message>
        <source>Q App session ARN</source>
        <translation>ARN der Q App-Sitzung</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>Accepts responses</source>
        <translation>Nimmt Antworten an</translation>
    </message>
    <message>
        <source>Reveals cards</source>
        <translation>Deckt Karten auf</translation>
    </message>
    <message>
        <source>Owned by you</source>
        <translation>Gehört Ihnen</translation>
    </message>
    <message>
        <source>Q App session ID to look up</source>
        <translation>Nachzuschlagende Q App-Sitzungs-ID</translation>
    </message>
    <message>
        <source>Any Q App session ID</source>
        <translation>Beliebige Q App-Sitzungs-ID</translation>
    </message>
    <message>
        <source>Look up Q App session</source>
        <translation>Q App-Sitzung nachschlagen</translation>
    </message>
    <message>
        <source>Q App session shown</source>
        <translation>Angezeigte Q App-Sitzung</translation>
    </message>
    <message>
        <source>Session name:</source>
        <translation>Sitzungsname:</translation>
    </message>
    <message>
        <source>Session ARN:</source>
        <translation>Sitzungs-ARN:</translation>
    </message>
    <message>
        <source>Sharing:</source>
        <translation>Freigabe:</translation>
    </message>
    <message>
        <source>Accepts responses:</source>
        <translation>Nimmt Antworten an:</translation>
    </message>
    <message>
        <source>Reveals cards:</source>
        <translation>Deckt Karten auf:</translation>
    </message>
    <message>
        <source>Owned by you:</source>
        <translation>Gehört Ihnen:</translation>
    </message>
    <message>
        <source>Q App session %1</source>
        <translation>Q App-Sitzung %1</translation>
    </message>
    <message>
        <source>Select a session, or type a Q App session ID above.</source>
        <translation>Wählen Sie eine Sitzung oder geben Sie oben eine Q App-Sitzungs-ID ein.</translation>
    </message>
    <message>
        <source>Not configured: reading Q App sharing settings needs the ID of your Amazon Q Business instance.</source>
        <translation>Nicht eingerichtet: Um Q App-Freigabeeinstellungen zu lesen, wird die ID Ihrer Amazon Q Business-Instanz benötigt.</translation>
    </message>
    <message>
        <source>No Q App session can have this ID: Q App session IDs are lower-case UUIDs.</source>
        <translation>Keine Q App-Sitzung kann diese ID haben: Q App-Sitzungs-IDs sind UUIDs in Kleinbuchstaben.</translation>
    </message>
    <message>
        <source>Loading the Q App session…</source>
        <translation>Q App-Sitzung wird geladen …</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <source>On: the session is shared</source>
        <translation>Ein: Die Sitzung ist freigegeben</translation>
    </message>
    <message>
        <source>Off: not shared</source>
        <translation>Aus: nicht freigegeben</translation>
    </message>
    <message>
        <source>On: accepts responses</source>
        <translation>Ein: nimmt Antworten an</translation>
    </message>
    <message>
        <source>Off: does not accept responses</source>
        <translation>Aus: nimmt keine Antworten an</translation>
    </message>
    <message>
        <source>On: reveals cards</source>
        <translation>Ein: deckt Karten auf</translation>
    </message>
    <message>
        <source>Off: does not reveal cards</source>
        <translation>Aus: deckt keine Karten auf</translation>
    </message>
    <message>
        <source>Yes, you own this session</source>
        <translation>Ja, diese Sitzung gehört Ihnen</translation>
    </message>
    <message>
        <source>No, another user owns this session</source>
        <translation>Nein, diese Sitzung gehört einem anderen Benutzer</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>Nicht gemeldet</translation>
    </message>
    <message>
        <source>No Q App session with this ID in Amazon Q Business instance %1.</source>
        <translation>Keine Q App-Sitzung mit dieser ID in der Amazon Q Business-Instanz %1.</translation>
    </message>
    <message>
        <source>Set i&amp;nstance ID…</source>
        <translation>&amp;Instanz-ID festlegen …</translation>
    </message>
    <message>
        <source>Change i&amp;nstance ID…</source>
        <translation>&amp;Instanz-ID ändern …</translation>
    </message>
</context>
<context>
    <name>QAppsClient</name>
    <message>
        <source>The Amazon Q Business instance id &quot;%1&quot; is not valid: it must be 1 to 256 visible ASCII characters.</source>
        <translation>Die Amazon Q Business-Instanz-ID „%1“ ist ungültig: Sie muss aus 1 bis 256 sichtbaren ASCII-Zeichen bestehen.</translation>
    </message>
    <message>
        <source>The Q Apps session id &quot;%1&quot; is not valid: it must be a lower-case UUID version 4 (xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx).</source>
        <translation>Die Q Apps-Sitzungs-ID „%1“ ist ungültig: Sie muss eine UUID der Version 4 in Kleinbuchstaben sein (xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx).</translation>
    </message>
    <message>
        <source>The session name is longer than 100 characters (it has %1).</source>
        <translation>Der Sitzungsname ist länger als 100 Zeichen (er hat %1).</translation>
    </message>
</context>
<context>
    <name>RegionResolver</name>
    <message>
        <source>profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (from %2) is an Availability Zone, not a region; use &quot;%3&quot;.</source>
        <translation>„%1“ (aus %2) ist eine Availability Zone, keine Region; verwenden Sie „%3“.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (from %2) is not an AWS region name such as us-east-1 or eu-west-1.</source>
        <translation>„%1“ (aus %2) ist kein AWS-Regionsname wie us-east-1 oder eu-west-1.</translation>
    </message>
    <message>
        <source>No AWS region is set. Choose one with --region, set AWS_REGION, or add &quot;region = us-east-1&quot; to profile %1 in %2 (for example: aws configure set region us-east-1 --profile %1).</source>
        <translation>Es ist keine AWS-Region festgelegt. Wählen Sie eine mit --region, setzen Sie AWS_REGION oder fügen Sie „region = us-east-1“ zu Profil %1 in %2 hinzu (zum Beispiel: aws configure set region us-east-1 --profile %1).</translation>
    </message>
</context>
<context>
    <name>RetryModeResolver</name>
    <message>
        <source>profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <source>retry_mode (from %1) must be legacy, standard or adaptive, not &quot;%2&quot;.</source>
        <extracomment>%1 where the value came from (AWS_RETRY_MODE, &quot;profile dev&quot;), %2 the value.</extracomment>
        <translation>retry_mode (aus %1) muss legacy, standard oder adaptive sein, nicht „%2“.</translation>
    </message>
</context>
<context>
    <name>SectionStatePanel</name>
    <message>
        <source>Section state</source>
        <translation>Zustand des Abschnitts</translation>
    </message>
    <message>
        <source>State icon</source>
        <translation>Zustandssymbol</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>Section action</source>
        <translation>Aktion des Abschnitts</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
</context>
<context>
    <name>ServiceGateway</name>
    <message>
        <source>This connection cannot ask AWS who its credentials belong to.</source>
        <translation>Diese Verbindung kann AWS nicht fragen, wem ihre Anmeldeinformationen gehören.</translation>
    </message>
</context>
<context>
    <name>SessionCommand</name>
    <message>
        <source>FIELD</source>
        <translation>FELD</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>WERT</translation>
    </message>
</context>
<context>
    <name>SessionDetailPane</name>
    <message>
        <source>Session details</source>
        <translation>Sitzungsdetails</translation>
    </message>
    <message>
        <source>No session selected</source>
        <translation>Keine Sitzung ausgewählt</translation>
    </message>
    <message>
        <source>Select a session to see its details, client IP addresses and Q App sharing settings.</source>
        <translation>Wählen Sie eine Sitzung, um ihre Details, Client-IP-Adressen und Q App-Freigabeeinstellungen zu sehen.</translation>
    </message>
</context>
<context>
    <name>SessionExporter</name>
    <message>
        <source>Choose a portal to export its sessions.</source>
        <translation>Wählen Sie ein Portal, um seine Sitzungen zu exportieren.</translation>
    </message>
    <message>
        <source>The client IP address column needs a connection to WorkSpaces Web.</source>
        <translation>Die Spalte mit den Client-IP-Adressen braucht eine Verbindung zu WorkSpaces Web.</translation>
    </message>
    <message>
        <source>The Q App sharing columns need an Amazon Q Business instance id. Set it in the connection settings (or with --instance-id).</source>
        <translation>Die Spalten zur Q App-Freigabe brauchen eine Amazon Q Business-Instanz-ID. Legen Sie sie in den Verbindungseinstellungen fest (oder mit --instance-id).</translation>
    </message>
    <message>
        <source>The service sent a page token it had already sent for this list; the export stopped to avoid an endless loop.</source>
        <translation>Der Dienst hat ein Seitentoken gesendet, das er für diese Liste schon gesendet hatte; der Export wurde angehalten, um eine Endlosschleife zu vermeiden.</translation>
    </message>
    <message>
        <source>The service sent %1 pages in a row without a new session; the export stopped.</source>
        <translation>Der Dienst hat %1 Seiten in Folge ohne neue Sitzung gesendet; der Export wurde angehalten.</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>Der Export wurde abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n session(s) to %1.</source>
        <translation>
            <numerusform>%n Sitzung nach %1 exportiert.</numerusform>
            <numerusform>%n Sitzungen nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The export was cancelled after %n session(s); no file was written.</source>
        <translation>
            <numerusform>Der Export wurde nach %n Sitzung abgebrochen; es wurde keine Datei geschrieben.</numerusform>
            <numerusform>Der Export wurde nach %n Sitzungen abgebrochen; es wurde keine Datei geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The export failed after %n session(s): %1 No file was written.</source>
        <translation>
            <numerusform>Der Export ist nach %n Sitzung fehlgeschlagen: %1 Es wurde keine Datei geschrieben.</numerusform>
            <numerusform>Der Export ist nach %n Sitzungen fehlgeschlagen: %1 Es wurde keine Datei geschrieben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionFilterBar</name>
    <message>
        <source>Session filters</source>
        <translation>Sitzungsfilter</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Username filter</source>
        <translation>Benutzernamenfilter</translation>
    </message>
    <message>
        <source>Exact username (Ctrl+F)</source>
        <translation>Genauer Benutzername (Ctrl+F)</translation>
    </message>
    <message>
        <source>Shows only the sessions of this user. The service matches the whole username exactly.</source>
        <translation>Zeigt nur die Sitzungen dieses Benutzers. Der Dienst vergleicht den ganzen Benutzernamen exakt.</translation>
    </message>
    <message>
        <source>Session &amp;ID:</source>
        <translation>Sitzungs-&amp;ID:</translation>
    </message>
    <message>
        <source>Session ID lookup</source>
        <translation>Sitzungs-ID nachschlagen</translation>
    </message>
    <message>
        <source>Look up one session</source>
        <translation>Eine Sitzung nachschlagen</translation>
    </message>
    <message>
        <source>Session ID problem</source>
        <translation>Problem mit der Sitzungs-ID</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Show all sessions of the portal</source>
        <translation>Alle Sitzungen des Portals anzeigen</translation>
    </message>
    <message>
        <source>A session ID is 36 letters, digits or dashes</source>
        <translation>Eine Sitzungs-ID besteht aus 36 Buchstaben, Ziffern oder Bindestrichen</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>&amp;Status:</translation>
    </message>
</context>
<context>
    <name>SessionListLister</name>
    <message>
        <source>Invalid page token.</source>
        <translation>Ungültiges Seitentoken.</translation>
    </message>
</context>
<context>
    <name>SessionStatusLine</name>
    <message>
        <source>Load &amp;all</source>
        <translation>Alle &amp;laden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Session list status</source>
        <translation>Status der Sitzungsliste</translation>
    </message>
    <message>
        <source>Sessions loaded</source>
        <translation>Geladene Sitzungen</translation>
    </message>
    <message>
        <source>Loading sessions</source>
        <translation>Sitzungen werden geladen</translation>
    </message>
    <message>
        <source>Load all sessions</source>
        <translation>Alle Sitzungen laden</translation>
    </message>
    <message>
        <source>Load every page of this list (needed to sort by columns other than Start time)</source>
        <translation>Alle Seiten dieser Liste laden (nötig, um nach anderen Spalten als der Startzeit zu sortieren)</translation>
    </message>
    <message>
        <source>Cancel loading all sessions</source>
        <translation>Laden aller Sitzungen abbrechen</translation>
    </message>
    <message>
        <source>No portal selected</source>
        <translation>Kein Portal ausgewählt</translation>
    </message>
    <message>
        <source>Sessions loaded: %L1</source>
        <translation>Geladene Sitzungen: %L1</translation>
    </message>
    <message>
        <source>%1 — loading all…</source>
        <translation>%1 — alle werden geladen …</translation>
    </message>
    <message>
        <source>%1 — loading more…</source>
        <translation>%1 — weitere werden geladen …</translation>
    </message>
    <message>
        <source>%1 — more available</source>
        <translation>%1 — weitere verfügbar</translation>
    </message>
    <message>
        <source>%1 — all loaded</source>
        <translation>%1 — alle geladen</translation>
    </message>
</context>
<context>
    <name>SessionSummary</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>SessionSummarySection</name>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>Sitzungs-ID</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Startzeit</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Endzeit</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Portal ARN</source>
        <translation>Portal-ARN</translation>
    </message>
    <message>
        <source>Session ID:</source>
        <translation>Sitzungs-ID:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Start time:</source>
        <translation>Startzeit:</translation>
    </message>
    <message>
        <source>End time:</source>
        <translation>Endzeit:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <source>Portal ARN:</source>
        <translation>Portal-ARN:</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>Nicht gemeldet</translation>
    </message>
    <message>
        <source>Still running</source>
        <translation>Läuft noch</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message numerus="yes">
        <source>The service sent a page token it had already sent for this list, so loading stopped to avoid an endless loop (%n session(s) loaded).</source>
        <translation>
            <numerusform>Der Dienst hat ein Seitentoken gesendet, das er für diese Liste schon gesendet hatte; das Laden wurde angehalten, um eine Endlosschleife zu vermeiden (%n Sitzung geladen).</numerusform>
            <numerusform>Der Dienst hat ein Seitentoken gesendet, das er für diese Liste schon gesendet hatte; das Laden wurde angehalten, um eine Endlosschleife zu vermeiden (%n Sitzungen geladen).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The service sent %1 pages in a row without a new session, so loading stopped (%n session(s) loaded).</source>
        <translation>
            <numerusform>Der Dienst hat %1 Seiten in Folge ohne neue Sitzung gesendet; das Laden wurde angehalten (%n Sitzung geladen).</numerusform>
            <numerusform>Der Dienst hat %1 Seiten in Folge ohne neue Sitzung gesendet; das Laden wurde angehalten (%n Sitzungen geladen).</numerusform>
        </translation>
    </message>
    <message>
        <source>Still active</source>
        <translation>Noch aktiv</translation>
    </message>
    <message>
        <source>%1 s so far, since %2</source>
        <translation>bisher %1 s, seit %2</translation>
    </message>
    <message>
        <source>%1 s, from %2 to %3</source>
        <translation>%1 s, von %2 bis %3</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>Sitzungs-ID</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Start time (UTC)</source>
        <translation>Startzeit (UTC)</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Startzeit</translation>
    </message>
    <message>
        <source>End time (UTC)</source>
        <translation>Endzeit (UTC)</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Endzeit</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Sorted by the service. Times in UTC.</source>
        <translation>Vom Dienst sortiert. Zeiten in UTC.</translation>
    </message>
    <message>
        <source>Sorted by the service. Times in local time (%1).</source>
        <translation>Vom Dienst sortiert. Zeiten in Ortszeit (%1).</translation>
    </message>
    <message>
        <source>Times in UTC.</source>
        <translation>Zeiten in UTC.</translation>
    </message>
    <message>
        <source>Times in local time (%1).</source>
        <translation>Zeiten in Ortszeit (%1).</translation>
    </message>
    <message>
        <source>Sortable once every page is loaded.</source>
        <translation>Sortierbar, sobald alle Seiten geladen sind.</translation>
    </message>
    <message numerus="yes">
        <source>Sorting by %1 needs every page loaded (%n session(s) loaded so far). Load all pages first; start time can always be sorted.</source>
        <translation>
            <numerusform>Um nach %1 zu sortieren, müssen alle Seiten geladen sein (bisher %n Sitzung geladen). Laden Sie zuerst alle Seiten; nach der Startzeit kann immer sortiert werden.</numerusform>
            <numerusform>Um nach %1 zu sortieren, müssen alle Seiten geladen sein (bisher %n Sitzungen geladen). Laden Sie zuerst alle Seiten; nach der Startzeit kann immer sortiert werden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionTableView</name>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Session rows</source>
        <translation>Sitzungszeilen</translation>
    </message>
    <message>
        <source>Session columns</source>
        <translation>Sitzungsspalten</translation>
    </message>
    <message>
        <source>Sort &amp;by</source>
        <translation>S&amp;ortieren nach</translation>
    </message>
    <message>
        <source>Session &amp;ID</source>
        <translation>Sitzungs-&amp;ID</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Benutzername</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>Start &amp;time</source>
        <translation>Start&amp;zeit</translation>
    </message>
    <message>
        <source>&amp;End time</source>
        <translation>&amp;Endzeit</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>&amp;Dauer</translation>
    </message>
</context>
<context>
    <name>SessionWriter</name>
    <message>
        <source>the output is not open for writing</source>
        <translation>Die Ausgabe ist nicht zum Schreiben geöffnet</translation>
    </message>
    <message>
        <source>the write failed</source>
        <translation>Das Schreiben ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>SessionsCommand</name>
    <message>
        <source>--format table writes to the terminal; use csv, json or jsonl with --output</source>
        <translation>--format table schreibt ins Terminal; verwenden Sie csv, json oder jsonl mit --output</translation>
    </message>
    <message>
        <source>could not start the export</source>
        <translation>der Export konnte nicht gestartet werden</translation>
    </message>
    <message numerus="yes">
        <source>after %n session(s) were written</source>
        <translation>
            <numerusform>nachdem %n Sitzung geschrieben wurde</numerusform>
            <numerusform>nachdem %n Sitzungen geschrieben wurden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>after %n session(s); no file was written</source>
        <translation>
            <numerusform>nach %n Sitzung; es wurde keine Datei geschrieben</numerusform>
            <numerusform>nach %n Sitzungen; es wurde keine Datei geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <source>error: %1 (%2)</source>
        <extracomment>%1 is the error, %2 what became of the output (&quot;after 5 sessions were written&quot;).</extracomment>
        <translation>Fehler: %1 (%2)</translation>
    </message>
    <message>
        <source>%1, %2, %3 s, %4 sessions/s</source>
        <extracomment>Progress on the terminal: %1 sessions written, %2 pages fetched, %3 seconds, %4 sessions per second.</extracomment>
        <translation>%1, %2, %3 s, %4 Sitzungen/s</translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln Sitzung</numerusform>
            <numerusform>%Ln Sitzungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s)</source>
        <translation>
            <numerusform>%Ln Seite</numerusform>
            <numerusform>%Ln Seiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln lookup(s)</source>
        <translation>
            <numerusform>, %Ln Abfrage</numerusform>
            <numerusform>, %Ln Abfragen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%Ln throttled, slowed down)</source>
        <translation>
            <numerusform> (%Ln gedrosselt, verlangsamt)</numerusform>
            <numerusform> (%Ln gedrosselt, verlangsamt)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SharedConfig</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
</context>
<context>
    <name>SharedConfigFile</name>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1, Zeile %2: %3</translation>
    </message>
    <message>
        <source>expected an indented &quot;key = value&quot; setting under &quot;%1&quot;.</source>
        <translation>Unter „%1“ wurde eine eingerückte Einstellung „key = value“ erwartet.</translation>
    </message>
    <message>
        <source>a section header is missing its closing &quot;]&quot;.</source>
        <translation>Einer Abschnittsüberschrift fehlt die schließende „]“.</translation>
    </message>
    <message>
        <source>unexpected text after the section header.</source>
        <translation>Unerwarteter Text nach der Abschnittsüberschrift.</translation>
    </message>
    <message>
        <source>the section header has no name.</source>
        <translation>Die Abschnittsüberschrift hat keinen Namen.</translation>
    </message>
    <message>
        <source>a setting appears before the first [section] header.</source>
        <translation>Eine Einstellung steht vor der ersten [Abschnitt]-Überschrift.</translation>
    </message>
    <message>
        <source>expected &quot;key = value&quot;, a [section] header or a comment.</source>
        <translation>Erwartet wurde „key = value“, eine [Abschnitt]-Überschrift oder ein Kommentar.</translation>
    </message>
    <message>
        <source>a setting has no name before &quot;=&quot;.</source>
        <translation>Eine Einstellung hat keinen Namen vor „=“.</translation>
    </message>
    <message>
        <source>%1 is a folder, not an AWS configuration file.</source>
        <translation>%1 ist ein Ordner, keine AWS-Konfigurationsdatei.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is too large to be an AWS configuration file.</source>
        <translation>%1 ist zu groß für eine AWS-Konfigurationsdatei.</translation>
    </message>
</context>
<context>
    <name>SharingCommand</name>
    <message>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>FIELD</source>
        <translation>FELD</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>WERT</translation>
    </message>
    <message>
        <source>sharing enabled</source>
        <translation>Freigabe aktiviert</translation>
    </message>
    <message>
        <source>accepts responses</source>
        <translation>nimmt Antworten an</translation>
    </message>
    <message>
        <source>reveals cards</source>
        <translation>deckt Karten auf</translation>
    </message>
    <message>
        <source>you own it</source>
        <translation>gehört Ihnen</translation>
    </message>
</context>
<context>
    <name>ShortcutCatalog</name>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>when %1 has the focus</source>
        <translation>wenn %1 den Fokus hat</translation>
    </message>
    <message>
        <source>%1, then %2</source>
        <translation>%1, dann %2</translation>
    </message>
    <message>
        <source>%1 menu</source>
        <translation>Menü %1</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>Open the %1 menu</source>
        <translation>Menü %1 öffnen</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>Menüleiste</translation>
    </message>
    <message>
        <source>Anywhere in the window</source>
        <translation>Überall im Fenster</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>Zu %1 wechseln</translation>
    </message>
    <message>
        <source>Go to the next control</source>
        <translation>Zum nächsten Bedienelement wechseln</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>Überall</translation>
    </message>
    <message>
        <source>Go to the previous control</source>
        <translation>Zum vorherigen Bedienelement wechseln</translation>
    </message>
    <message>
        <source>Press the focused button or tick the focused box</source>
        <translation>Die Schaltfläche mit dem Fokus drücken oder das Kästchen mit dem Fokus ankreuzen</translation>
    </message>
    <message>
        <source>Move through a list (the session list loads more at its end)</source>
        <translation>In einer Liste blättern (die Sitzungsliste lädt an ihrem Ende weitere nach)</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Listen</translation>
    </message>
    <message>
        <source>Select several sessions</source>
        <translation>Mehrere Sitzungen auswählen</translation>
    </message>
    <message>
        <source>Session list</source>
        <translation>Sitzungsliste</translation>
    </message>
    <message>
        <source>Close a dialog, menu or drop-down list</source>
        <translation>Einen Dialog, ein Menü oder eine Aufklappliste schließen</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Search shortcuts</source>
        <translation>Tastenkürzel durchsuchen</translation>
    </message>
    <message>
        <source>A command, a key or a menu, e.g. “copy” or “Ctrl”</source>
        <translation>Ein Befehl, eine Taste oder ein Menü, z. B. „kopieren“ oder „Ctrl“</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>No matching shortcut</source>
        <translation>Kein passendes Tastenkürzel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>No shortcut; reach it through the menu: %1</source>
        <translation>Kein Tastenkürzel; erreichbar über das Menü: %1</translation>
    </message>
    <message>
        <source>No command, key or place matches “%1”.</source>
        <translation>Kein Befehl, keine Taste und kein Ort passt zu „%1“.</translation>
    </message>
</context>
<context>
    <name>SsoCredentialsProvider</name>
    <message>
        <source>The IAM Identity Center sign-in for profile %1 has expired. Sign in again: sessionscope-cli login --profile %1 (or aws sso login --profile %1).</source>
        <translation>Die IAM Identity Center-Anmeldung für das Profil %1 ist abgelaufen. Melden Sie sich erneut an: sessionscope-cli login --profile %1 (oder aws sso login --profile %1).</translation>
    </message>
    <message>
        <source>IAM Identity Center profile %1</source>
        <translation>IAM Identity Center-Profil %1</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; is configured to use SSO but is missing required configuration: %2</source>
        <translation>Das Profil „%1“ ist für SSO konfiguriert, aber es fehlt erforderliche Konfiguration: %2</translation>
    </message>
</context>
<context>
    <name>SsoDeviceLogin</name>
    <message>
        <source>The IAM Identity Center sign-in was cancelled.</source>
        <translation>Die IAM Identity Center-Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The sign-in code expired before it was approved. Start the sign-in again.</source>
        <translation>Der Anmeldecode ist abgelaufen, bevor er bestätigt wurde. Starten Sie die Anmeldung erneut.</translation>
    </message>
    <message>
        <source>The IAM Identity Center sign-in was refused.</source>
        <translation>Die IAM Identity Center-Anmeldung wurde abgelehnt.</translation>
    </message>
</context>
<context>
    <name>SsoOidcClient</name>
    <message>
        <source>IAM Identity Center answered %1 with something other than a JSON object.</source>
        <translation>IAM Identity Center hat auf %1 mit etwas anderem als einem JSON-Objekt geantwortet.</translation>
    </message>
    <message>
        <source>IAM Identity Center answered %1 without a valid &quot;%2&quot;.</source>
        <translation>IAM Identity Center hat auf %1 ohne gültiges „%2“ geantwortet.</translation>
    </message>
</context>
<context>
    <name>SsoPortalClient</name>
    <message>
        <source>IAM Identity Center answered GetRoleCredentials without a valid &quot;%1&quot;.</source>
        <translation>IAM Identity Center hat auf GetRoleCredentials ohne gültiges „%1“ geantwortet.</translation>
    </message>
</context>
<context>
    <name>SsoProfile</name>
    <message>
        <source>The config profile (%1) could not be found in %2.</source>
        <translation>Das Konfigurationsprofil (%1) wurde nicht in %2 gefunden.</translation>
    </message>
    <message>
        <source>The specified sso-session does not exist: &quot;%1&quot; (profile %2 names it; add an [sso-session %1] section to %3).</source>
        <translation>Die angegebene sso-session existiert nicht: „%1“ (das Profil %2 nennt sie; fügen Sie %3 einen Abschnitt [sso-session %1] hinzu).</translation>
    </message>
    <message>
        <source>The value for %1 is inconsistent between profile (%2) and sso-session (%3).</source>
        <translation>Der Wert für %1 unterscheidet sich zwischen Profil (%2) und sso-session (%3).</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; is not configured for IAM Identity Center: it has neither sso_session nor sso_start_url.</source>
        <translation>Das Profil „%1“ ist nicht für IAM Identity Center konfiguriert: Es hat weder sso_session noch sso_start_url.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; is configured to use SSO but is missing required configuration: %2</source>
        <translation>Das Profil „%1“ ist für SSO konfiguriert, aber es fehlt erforderliche Konfiguration: %2</translation>
    </message>
    <message>
        <source>The sso_region &quot;%1&quot; of profile &quot;%2&quot; is not a region name such as us-east-1.</source>
        <translation>Die sso_region „%1“ des Profils „%2“ ist kein Regionsname wie us-east-1.</translation>
    </message>
</context>
<context>
    <name>SsoRegistrationCache</name>
    <message>
        <source>The IAM Identity Center client registration file %1 is not a registration.</source>
        <translation>Die IAM Identity Center-Clientregistrierungsdatei %1 ist keine Registrierung.</translation>
    </message>
</context>
<context>
    <name>SsoSignInDialog</name>
    <message>
        <source>Cop&amp;y code</source>
        <translation>Code &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Open the sign-in page again</source>
        <translation>Anmeldeseite erneut ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation>&amp;Link kopieren</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Sign in to IAM Identity Center</source>
        <translation>Bei IAM Identity Center anmelden</translation>
    </message>
    <message>
        <source>Signing in profile “%1” to IAM Identity Center.</source>
        <extracomment>%1 the profile, %2 the AWS access portal URL</extracomment>
        <translation>Profil „%1“ wird bei IAM Identity Center angemeldet.</translation>
    </message>
    <message>
        <source>Signing in profile “%1” to IAM Identity Center at %2.</source>
        <translation>Profil „%1“ wird bei IAM Identity Center unter %2 angemeldet.</translation>
    </message>
    <message>
        <source>Code to confirm</source>
        <translation>Zu bestätigender Code</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>Open the sign-in page again</source>
        <translation>Anmeldeseite erneut öffnen</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>Anmeldestatus</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Asking IAM Identity Center for a sign-in code…</source>
        <translation>IAM Identity Center wird nach einem Anmeldecode gefragt …</translation>
    </message>
    <message>
        <source>Your browser shows the sign-in page. Check that it shows this code, sign in and allow access. If no page opened, go to %1 and enter the code.</source>
        <extracomment>%1 the verification page (without the code), e.g. https://device.sso.us-east-1.amazonaws.com/</extracomment>
        <translation>Ihr Browser zeigt die Anmeldeseite. Prüfen Sie, ob sie diesen Code zeigt, melden Sie sich an und erlauben Sie den Zugriff. Wenn sich keine Seite geöffnet hat, rufen Sie %1 auf und geben Sie den Code ein.</translation>
    </message>
    <message>
        <source>Waiting for you to allow access in the browser…</source>
        <translation>Warte darauf, dass Sie den Zugriff im Browser erlauben …</translation>
    </message>
    <message>
        <source>Waiting for you to allow access in the browser (the code works until %1)…</source>
        <translation>Warte darauf, dass Sie den Zugriff im Browser erlauben (der Code gilt bis %1) …</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Angemeldet.</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>Nicht angemeldet: %1</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The browser could not be opened. Copy the link and open it yourself, or go to %1 and enter the code.</source>
        <translation>Der Browser konnte nicht geöffnet werden. Kopieren Sie den Link und öffnen Sie ihn selbst, oder rufen Sie %1 auf und geben Sie den Code ein.</translation>
    </message>
</context>
<context>
    <name>SsoTokenCache</name>
    <message>
        <source>The IAM Identity Center token cache file %1 has no valid &quot;%2&quot;. Sign in again to replace it.</source>
        <translation>Die IAM Identity Center-Token-Cachedatei %1 hat kein gültiges „%2“. Melden Sie sich erneut an, um sie zu ersetzen.</translation>
    </message>
</context>
<context>
    <name>StaticCredentialsProvider</name>
    <message>
        <source>The access key id or the secret access key is empty.</source>
        <translation>Die Zugriffsschlüssel-ID oder der geheime Zugriffsschlüssel ist leer.</translation>
    </message>
</context>
<context>
    <name>StsClient</name>
    <message>
        <source>STS answered GetCallerIdentity without an Arn.</source>
        <translation>STS hat auf GetCallerIdentity ohne Arn geantwortet.</translation>
    </message>
    <message>
        <source>STS answered %1 with something that is not its XML answer.</source>
        <translation>STS hat auf %1 mit etwas anderem als seiner XML-Antwort geantwortet.</translation>
    </message>
    <message>
        <source>STS answered %1 without complete credentials (access key id, secret, session token and expiration).</source>
        <translation>STS hat auf %1 ohne vollständige Anmeldeinformationen (Zugriffsschlüssel-ID, Geheimnis, Sitzungstoken und Ablaufzeit) geantwortet.</translation>
    </message>
</context>
<context>
    <name>TableSessionWriter</name>
    <message>
        <source>SESSION ID</source>
        <translation>SITZUNGS-ID</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>START</source>
        <translation>START</translation>
    </message>
    <message>
        <source>END</source>
        <translation>ENDE</translation>
    </message>
    <message>
        <source>USERNAME</source>
        <translation>BENUTZERNAME</translation>
    </message>
</context>
<context>
    <name>TerminalPrompts</name>
    <message>
        <source>Not signed in: the MFA code was not entered.</source>
        <translation>Nicht angemeldet: Der MFA-Code wurde nicht eingegeben.</translation>
    </message>
    <message>
        <source>Profile %1 needs a code from the MFA device %2, but %3 Run the command once from a terminal (the role&apos;s credentials are then cached in ~/.aws/cli/cache and reused until they expire), or use a profile without mfa_serial.</source>
        <extracomment>%1 the profile, %2 the MFA device, %3 why no one can be asked (a sentence).</extracomment>
        <translation>Das Profil %1 benötigt einen Code vom MFA-Gerät %2, aber %3 Führen Sie den Befehl einmal in einem Terminal aus (die Anmeldeinformationen der Rolle werden dann in ~/.aws/cli/cache zwischengespeichert und bis zu ihrem Ablauf wiederverwendet), oder verwenden Sie ein Profil ohne mfa_serial.</translation>
    </message>
    <message>
        <source>sessionscope-cli is not running in a terminal, so nobody can type it.</source>
        <translation>sessionscope-cli läuft nicht in einem Terminal, daher kann ihn niemand eingeben.</translation>
    </message>
    <message>
        <source>the terminal %1 cannot be opened (%2).</source>
        <translation>das Terminal %1 kann nicht geöffnet werden (%2).</translation>
    </message>
</context>
<context>
    <name>TimeFormat</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>running for %1</source>
        <translation>läuft seit %1</translation>
    </message>
</context>
<context>
    <name>TimeoutResolver</name>
    <message>
        <source>%1 of profile %2 must be a number of seconds of at least 0 (0: no limit), not &quot;%3&quot;.</source>
        <extracomment>%1 the key (connect_timeout, read_timeout), %2 the profile name, %3 the value.</extracomment>
        <translation>%1 von Profil %2 muss eine Anzahl Sekunden von mindestens 0 sein (0: unbegrenzt), nicht „%3“.</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>Profil %1</translation>
    </message>
</context>
<context>
    <name>TlsSettings</name>
    <message>
        <source>The CA bundle %1 (from %2) %3.</source>
        <extracomment>%1 the file, %2 where it was named (&quot;AWS_CA_BUNDLE&quot;, &quot;--ca-bundle&quot;, &quot;profile dev&quot;), %3 what is wrong with it (&quot;is empty&quot;, &quot;cannot be read (Permission denied)&quot;)</extracomment>
        <translation>Das CA-Bundle %1 (aus %2) %3.</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>existiert nicht</translation>
    </message>
    <message>
        <source>is a folder without a readable PEM certificate</source>
        <translation>ist ein Ordner ohne lesbares PEM-Zertifikat</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>it could not be verified</source>
        <translation>es konnte nicht überprüft werden</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 (subject &quot;%2&quot;, issued by &quot;%3&quot;) is not trusted: %4.</source>
        <extracomment>%1 host, %2 subject (&quot;CN=..., O=...&quot;), %3 issuer, %4 what is wrong (from Qt)</extracomment>
        <translation>Dem TLS-Zertifikat von %1 (Subjekt „%2“, ausgestellt von „%3“) wird nicht vertraut: %4.</translation>
    </message>
    <message>
        <source>The CA bundle %1 (from %2) is the only trust used; if a company proxy or a private CA issues this certificate, add that CA&apos;s certificate to the bundle, or point AWS_CA_BUNDLE or --ca-bundle at one that has it.</source>
        <extracomment>%1 the CA bundle file, %2 where it was named</extracomment>
        <translation>Das CA-Bundle %1 (aus %2) ist das einzige, dem vertraut wird; wenn ein Firmen-Proxy oder eine private CA dieses Zertifikat ausstellt, fügen Sie das Zertifikat dieser CA dem Bundle hinzu, oder lassen Sie AWS_CA_BUNDLE oder --ca-bundle auf eines zeigen, das es enthält.</translation>
    </message>
    <message>
        <source>If a company proxy or a private CA issues this certificate, set AWS_CA_BUNDLE (or --ca-bundle, or ca_bundle in the profile) to a PEM file with that CA&apos;s certificate.</source>
        <translation>Wenn ein Firmen-Proxy oder eine private CA dieses Zertifikat ausstellt, setzen Sie AWS_CA_BUNDLE (oder --ca-bundle oder ca_bundle im Profil) auf eine PEM-Datei mit dem Zertifikat dieser CA.</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>kann nicht gelesen werden (%1)</translation>
    </message>
    <message>
        <source>is larger than 64 MB, which no CA bundle is</source>
        <translation>ist größer als 64 MB, was kein CA-Bundle ist</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <source>holds no PEM certificate (-----BEGIN CERTIFICATE-----)</source>
        <translation>enthält kein PEM-Zertifikat (-----BEGIN CERTIFICATE-----)</translation>
    </message>
    <message>
        <source>holds no certificate that can be read</source>
        <translation>enthält kein lesbares Zertifikat</translation>
    </message>
    <message>
        <source>holds %1 certificates of which only %2 can be read</source>
        <translation>enthält %1 Zertifikate, von denen nur %2 gelesen werden können</translation>
    </message>
</context>
<context>
    <name>TransportCall</name>
    <message>
        <source>No AWS credentials are configured.</source>
        <translation>Es sind keine AWS-Anmeldeinformationen eingerichtet.</translation>
    </message>
    <message>
        <source>The request URL is not valid: %1</source>
        <translation>Die Anfrage-URL ist ungültig: %1</translation>
    </message>
    <message>
        <source>Could not connect to %1 within %2 s.</source>
        <translation>Keine Verbindung zu %1 innerhalb von %2 s.</translation>
    </message>
    <message>
        <source>No data from %1 for %2 s.</source>
        <translation>Seit %2 s keine Daten von %1.</translation>
    </message>
    <message>
        <source>The endpoint redirected the request (HTTP %1). Check the region and the endpoint URL.</source>
        <translation>Der Endpunkt hat die Anfrage umgeleitet (HTTP %1). Prüfen Sie die Region und die Endpunkt-URL.</translation>
    </message>
    <message>
        <source>The answer had no HTTP status.</source>
        <translation>Die Antwort hatte keinen HTTP-Status.</translation>
    </message>
    <message>
        <source>The connection closed after %1 of the %2 bytes of the answer.</source>
        <translation>Die Verbindung wurde nach %1 von %2 Bytes der Antwort geschlossen.</translation>
    </message>
    <message>
        <source>The proxy %1 refused the user name and password. Check them in the proxy URL (HTTPS_PROXY / HTTP_PROXY, or the connection settings).</source>
        <extracomment>%1 the proxy&apos;s host:port</extracomment>
        <translation>Der Proxy %1 hat Benutzername und Passwort abgelehnt. Prüfen Sie sie in der Proxy-URL (HTTPS_PROXY / HTTP_PROXY oder in den Verbindungseinstellungen).</translation>
    </message>
    <message>
        <source>The proxy %1 asked for a user name and password. Put them into the proxy URL (http://user:password@host:port) of HTTPS_PROXY / HTTP_PROXY, or the connection settings.</source>
        <translation>Der Proxy %1 hat nach Benutzername und Passwort gefragt. Tragen Sie sie in die Proxy-URL (http://user:password@host:port) von HTTPS_PROXY / HTTP_PROXY oder in den Verbindungseinstellungen ein.</translation>
    </message>
    <message>
        <source>Check the proxy (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, or the connection settings).</source>
        <translation>Prüfen Sie den Proxy (HTTPS_PROXY / HTTP_PROXY / NO_PROXY oder die Verbindungseinstellungen).</translation>
    </message>
    <message>
        <source>The proxy %1 does not allow connections to %2 (it answered &quot;%3&quot;).</source>
        <extracomment>%1 the proxy&apos;s host:port, %2 the AWS host, %3 the proxy&apos;s answer (&quot;HTTP/1.1 403 Forbidden&quot;)</extracomment>
        <translation>Der Proxy %1 erlaubt keine Verbindungen zu %2 (Antwort: „%3“).</translation>
    </message>
    <message>
        <source>The proxy %1 could not reach %2 (it answered &quot;%3&quot;).</source>
        <translation>Der Proxy %1 konnte %2 nicht erreichen (Antwort: „%3“).</translation>
    </message>
    <message>
        <source>The proxy %1 refused the connection to %2 (it answered &quot;%3&quot;).</source>
        <translation>Der Proxy %1 hat die Verbindung zu %2 abgelehnt (Antwort: „%3“).</translation>
    </message>
    <message>
        <source>Could not connect through the proxy %1: %2.</source>
        <extracomment>%1 the proxy&apos;s host:port, %2 why (Qt&apos;s or the system&apos;s words, e.g. &quot;Connection refused&quot;)</extracomment>
        <translation>Verbindung über den Proxy %1 fehlgeschlagen: %2.</translation>
    </message>
</context>
<context>
    <name>WebIdentityProvider</name>
    <message>
        <source>environment (AWS_WEB_IDENTITY_TOKEN_FILE)</source>
        <translation>Umgebung (AWS_WEB_IDENTITY_TOKEN_FILE)</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <source>web identity (role %1, %2)</source>
        <translation>Web-Identität (Rolle %1, %2)</translation>
    </message>
    <message>
        <source>The %1 sets a web identity token file but no role: set role_arn in the profile or AWS_ROLE_ARN.</source>
        <translation>%1: Eine Web-Identity-Tokendatei ist gesetzt, aber keine Rolle; setzen Sie role_arn im Profil oder AWS_ROLE_ARN.</translation>
    </message>
    <message>
        <source>Could not read the web identity token file %1 (from the %2): %3</source>
        <translation>Die Web-Identity-Tokendatei %1 (Quelle: %2) konnte nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>The web identity token file %1 (from the %2) is empty.</source>
        <translation>Die Web-Identity-Tokendatei %1 (Quelle: %2) ist leer.</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Try the &amp;demo</source>
        <translation>&amp;Demo ausprobieren</translation>
    </message>
    <message>
        <source>Set up a &amp;connection…</source>
        <translation>&amp;Verbindung einrichten …</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>SessionScope logo</source>
        <translation>SessionScope-Logo</translation>
    </message>
    <message>
        <source>&lt;h2&gt;SessionScope&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;SessionScope&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>SessionScope</source>
        <translation>SessionScope</translation>
    </message>
    <message>
        <source>Welcome message</source>
        <translation>Willkommensnachricht</translation>
    </message>
    <message>
        <source>Browse the sessions of your Amazon WorkSpaces Secure Browser portals and the sharing settings of Amazon Q Apps sessions. Connect with an AWS profile, or look around on built-in demo data first.</source>
        <translation>Durchsuchen Sie die Sitzungen Ihrer Amazon WorkSpaces Secure Browser-Portale und die Freigabeeinstellungen von Amazon Q Apps-Sitzungen. Verbinden Sie sich mit einem AWS-Profil oder sehen Sie sich zuerst die eingebauten Demodaten an.</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Demo ausprobieren</translation>
    </message>
    <message>
        <source>Set up a connection</source>
        <translation>Verbindung einrichten</translation>
    </message>
</context>
<context>
    <name>WhoamiCommand</name>
    <message>
        <source>Account: %1
Arn: %2
UserId: %3
Credentials from: %4
</source>
        <translation>Konto: %1
Arn: %2
Benutzer-ID: %3
Anmeldeinformationen aus: %4
</translation>
    </message>
</context>
<context>
    <name>WorkSpacesWebClient</name>
    <message>
        <source>The page token is longer than 2048 characters.</source>
        <translation>Das Seitentoken ist länger als 2048 Zeichen.</translation>
    </message>
    <message>
        <source>The page token contains whitespace.</source>
        <translation>Das Seitentoken enthält Leerraum.</translation>
    </message>
    <message>
        <source>The page size must be at least 1 (or 0 to let the service choose), not %1.</source>
        <translation>Die Seitengröße muss mindestens 1 sein (oder 0, damit der Dienst sie wählt), nicht %1.</translation>
    </message>
    <message>
        <source>The portal id &quot;%1&quot; is not valid: it must be 36 letters, digits or &apos;-&apos; (it has %2).</source>
        <translation>Die Portal-ID „%1“ ist ungültig: Sie muss aus 36 Buchstaben, Ziffern oder &apos;-&apos; bestehen (sie hat %2).</translation>
    </message>
    <message>
        <source>The session id &quot;%1&quot; is not valid: it must be 36 letters, digits or &apos;-&apos; (it has %2).</source>
        <translation>Die Sitzungs-ID „%1“ ist ungültig: Sie muss aus 36 Buchstaben, Ziffern oder &apos;-&apos; bestehen (sie hat %2).</translation>
    </message>
    <message>
        <source>GetPortal needs the portal&apos;s ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID), not only its id.</source>
        <translation>GetPortal braucht den ARN des Portals (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID), nicht nur seine ID.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a portal ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID).</source>
        <translation>„%1“ ist kein Portal-ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID).</translation>
    </message>
    <message>
        <source>The user name is longer than 256 characters.</source>
        <translation>Der Benutzername ist länger als 256 Zeichen.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Run &quot;sessionscope-cli --help&quot; for usage.</source>
        <translation>„sessionscope-cli --help“ zeigt die Verwendung.</translation>
    </message>
    <message>
        <source>Browse Amazon WorkSpaces Secure Browser sessions.</source>
        <translation>Sitzungen von Amazon WorkSpaces Secure Browser durchsuchen.</translation>
    </message>
    <message>
        <source>Start on the built-in demo data.</source>
        <translation>Mit den eingebauten Demodaten starten.</translation>
    </message>
    <message>
        <source>Connect with this AWS profile.</source>
        <translation>Mit diesem AWS-Profil verbinden.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Use this AWS region.</source>
        <translation>Diese AWS-Region verwenden.</translation>
    </message>
    <message>
        <source>region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Send requests to this endpoint.</source>
        <translation>Anfragen an diesen Endpunkt senden.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Use a dark palette (when the desktop&apos;s dark theme is not picked up).</source>
        <translation>Eine dunkle Palette verwenden (wenn das dunkle Design des Desktops nicht übernommen wird).</translation>
    </message>
    <message>
        <source>Show SessionScope in this language (%1) for this run.</source>
        <translation>SessionScope bei diesem Start in dieser Sprache anzeigen (%1).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
</context>
</TS>
