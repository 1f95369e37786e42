<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About SessionScope</source>
        <translation>Acerca de SessionScope</translation>
    </message>
    <message>
        <source>SessionScope icon</source>
        <translation>Icono de SessionScope</translation>
    </message>
    <message>
        <source>SessionScope</source>
        <translation>SessionScope</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versión %1</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Browse the sessions of Amazon WorkSpaces Secure Browser portals and the sharing settings of Amazon Q Apps sessions.</source>
        <translation>Explore las sesiones de los portales de Amazon WorkSpaces Secure Browser y la configuración de uso compartido de las sesiones de Amazon Q Apps.</translation>
    </message>
    <message>
        <source>Qt version</source>
        <translation>Versión de Qt</translation>
    </message>
    <message>
        <source>Running on Qt %1, built with Qt %2.</source>
        <translation>Se ejecuta con Qt %1, compilado con Qt %2.</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>&lt;p&gt;Licence: GPL-3.0-or-later. SessionScope is free software: you may use, study, share and change it under the terms of the &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License&lt;/a&gt;, version 3 or any later version. It comes with no warranty, to the extent permitted by law.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Licencia: GPL-3.0-or-later. SessionScope es software libre: puede usarlo, estudiarlo, compartirlo y modificarlo según los términos de la &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License&lt;/a&gt;, versión 3 o cualquier versión posterior. Se ofrece sin ninguna garantía, en la medida en que lo permita la ley.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Copiar los detalles</translation>
    </message>
    <message>
        <source>Copy version details</source>
        <translation>Copiar los detalles de la versión</translation>
    </message>
    <message>
        <source>Copy the versions of SessionScope, Qt and the system, e.g. for a bug report</source>
        <translation>Copiar las versiones de SessionScope, Qt y el sistema, p. ej. para un informe de errores</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>SessionScope %1
Qt %2 (built with Qt %3)
%4, %5</source>
        <translation>SessionScope %1
Qt %2 (compilado con Qt %3)
%4, %5</translation>
    </message>
</context>
<context>
    <name>ApiJson</name>
    <message>
        <source>a boolean</source>
        <translation>un booleano</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>una cadena</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>una matriz</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>&quot;%1&quot; should be %2, but is %3.</source>
        <extracomment>%1 is a JSON field path such as sessions[0].startTime; %2 and %3 name kinds of value (&quot;a string&quot;, &quot;a number&quot;, ...), translated separately.</extracomment>
        <translation>«%1» debería ser %2, pero es %3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing.</source>
        <translation>Falta «%1».</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is empty.</source>
        <translation>«%1» está vacío.</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true o false</translation>
    </message>
    <message>
        <source>a whole number from 0 to 2147483647</source>
        <translation>un número entero de 0 a 2147483647</translation>
    </message>
    <message>
        <source>The answer is not a JSON object.</source>
        <translation>La respuesta no es un objeto JSON.</translation>
    </message>
    <message>
        <source>The answer is not valid JSON (%1 at byte %2).</source>
        <translation>La respuesta no es JSON válido (%1 en el byte %2).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a plausible time (%2 seconds since 1970).</source>
        <translation>«%1» no es una hora plausible (%2 segundos desde 1970).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time: &quot;%2&quot;.</source>
        <translation>«%1» no es una hora: «%2».</translation>
    </message>
    <message>
        <source>a time (epoch seconds or ISO 8601)</source>
        <translation>una hora (segundos desde 1970 o ISO 8601)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a plausible time: &quot;%2&quot;.</source>
        <translation>«%1» no es una hora plausible: «%2».</translation>
    </message>
</context>
<context>
    <name>AppIdResolver</name>
    <message>
        <source>profile %1</source>
        <translation>perfil %1</translation>
    </message>
    <message>
        <source>The application id (from %1) is longer than %2 characters; AWS may cut it short.</source>
        <extracomment>%1 where the id came from, %2 the maximum length.</extracomment>
        <translation>El ID de aplicación (de %1) tiene más de %2 caracteres; AWS puede recortarlo.</translation>
    </message>
</context>
<context>
    <name>AppProfileCredentialsProvider</name>
    <message>
        <source>SessionScope&apos;s profile list is no longer available.</source>
        <translation>La lista de perfiles de SessionScope ya no está disponible.</translation>
    </message>
    <message>
        <source>There is no SessionScope profile named &quot;%1&quot;.</source>
        <translation>No hay ningún perfil de SessionScope llamado «%1».</translation>
    </message>
    <message>
        <source>profile %1 (system keychain)</source>
        <translation>perfil %1 (llavero del sistema)</translation>
    </message>
</context>
<context>
    <name>AppProfileDialog</name>
    <message>
        <source>SessionScope profile</source>
        <translation>Perfil de SessionScope</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>Editar perfil</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Nuevo perfil</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Nombre del perfil</translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation>ID de clave de acceso</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>Clave de acceso secreta</translation>
    </message>
    <message>
        <source>Session token</source>
        <translation>Token de sesión</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>Endpoint URL</source>
        <translation>URL del punto de conexión</translation>
    </message>
    <message>
        <source>Amazon Q Business instance ID</source>
        <translation>ID de instancia de Amazon Q Business</translation>
    </message>
    <message>
        <source>e.g. eu-west-1 (empty: from the environment)</source>
        <translation>p. ej. eu-west-1 (vacío: del entorno)</translation>
    </message>
    <message>
        <source>empty: the regional AWS endpoints</source>
        <translation>vacío: los puntos de conexión regionales de AWS</translation>
    </message>
    <message>
        <source>optional, for Q App sharing</source>
        <translation>opcional, para el uso compartido de Q App</translation>
    </message>
    <message>
        <source>only for temporary credentials</source>
        <translation>solo para credenciales temporales</translation>
    </message>
    <message>
        <source>unchanged (stored in the keychain)</source>
        <translation>sin cambios (guardada en el llavero)</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Guardar perfil</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Access key ID:</source>
        <translation>ID de clave de &amp;acceso:</translation>
    </message>
    <message>
        <source>&amp;Secret access key:</source>
        <translation>Clave de acceso &amp;secreta:</translation>
    </message>
    <message>
        <source>Session &amp;token:</source>
        <translation>&amp;Token de sesión:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Región:</translation>
    </message>
    <message>
        <source>&amp;Endpoint URL:</source>
        <translation>URL del punto de &amp;conexión:</translation>
    </message>
    <message>
        <source>Q Business &amp;instance ID:</source>
        <translation>ID de &amp;instancia de Q Business:</translation>
    </message>
    <message>
        <source>The secret access key and session token are kept in the system keychain, never in a file.</source>
        <translation>La clave de acceso secreta y el token de sesión se guardan en el llavero del sistema, nunca en un archivo.</translation>
    </message>
    <message>
        <source>Enter the secret access key.</source>
        <translation>Introduzca la clave de acceso secreta.</translation>
    </message>
    <message>
        <source>Saving to the keychain…</source>
        <translation>Guardando en el llavero…</translation>
    </message>
</context>
<context>
    <name>AppProfileStore</name>
    <message>
        <source>A profile name has 1 to 64 letters, digits and . _ - @ + (no spaces or slashes).</source>
        <translation>Un nombre de perfil tiene de 1 a 64 letras, dígitos y . _ - @ + (sin espacios ni barras).</translation>
    </message>
    <message>
        <source>An access key id has 16 to 128 letters and digits, like AKIAIOSFODNN7EXAMPLE.</source>
        <translation>Un ID de clave de acceso tiene de 16 a 128 letras y dígitos, como AKIAIOSFODNN7EXAMPLE.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an AWS region name such as us-east-1.</source>
        <translation>«%1» no es un nombre de región de AWS como us-east-1.</translation>
    </message>
    <message>
        <source>the profile</source>
        <translation>el perfil</translation>
    </message>
    <message>
        <source>A Q Apps instance id has letters, digits and dashes only.</source>
        <translation>Un ID de instancia de Q Apps solo contiene letras, dígitos y guiones.</translation>
    </message>
    <message>
        <source>The secret access key is empty or contains spaces.</source>
        <translation>La clave de acceso secreta está vacía o contiene espacios.</translation>
    </message>
    <message>
        <source>The session token contains spaces.</source>
        <translation>El token de sesión contiene espacios.</translation>
    </message>
    <message>
        <source>the profile settings could not be saved to %1.</source>
        <translation>no se pudo guardar la configuración del perfil en %1.</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>perfil %1</translation>
    </message>
    <message>
        <source>The profile store was closed.</source>
        <translation>El almacén de perfiles se ha cerrado.</translation>
    </message>
    <message>
        <source>There is no SessionScope profile named &quot;%1&quot; to update.</source>
        <translation>No hay ningún perfil de SessionScope llamado «%1» que actualizar.</translation>
    </message>
    <message>
        <source>The keychain entry of %1 is not one SessionScope wrote. Enter the secret access key again in the profile&apos;s settings.</source>
        <translation>La entrada del llavero de %1 no la escribió SessionScope. Introduzca de nuevo la clave de acceso secreta en la configuración del perfil.</translation>
    </message>
</context>
<context>
    <name>AssumeRoleProvider</name>
    <message>
        <source>profile %1 (role %2)</source>
        <translation>perfil %1 (rol %2)</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; needs an MFA code for %2, and nobody can be asked for one here. Run it where a code can be typed, or use credentials without mfa_serial.</source>
        <translation>El perfil «%1» necesita un código MFA para %2 y aquí no se le puede pedir a nadie. Ejecútelo donde se pueda escribir un código o use credenciales sin mfa_serial.</translation>
    </message>
    <message>
        <source>No MFA code was entered: the profile &quot;%1&quot; is not signed in.</source>
        <translation>No se introdujo ningún código MFA: el perfil «%1» no ha iniciado sesión.</translation>
    </message>
</context>
<context>
    <name>AwsCliCacheFile</name>
    <message>
        <source>The IAM Identity Center cache file %1 cannot be read: %2.</source>
        <translation>No se puede leer el archivo de caché de IAM Identity Center %1: %2.</translation>
    </message>
    <message>
        <source>The IAM Identity Center cache file %1 is not a JSON object. Sign in again to replace it.</source>
        <translation>El archivo de caché de IAM Identity Center %1 no es un objeto JSON. Vuelva a iniciar sesión para sustituirlo.</translation>
    </message>
    <message>
        <source>Cannot write the IAM Identity Center cache file %1: %2.</source>
        <translation>No se puede escribir el archivo de caché de IAM Identity Center %1: %2.</translation>
    </message>
    <message>
        <source>the folder %1 cannot be created</source>
        <translation>no se puede crear la carpeta %1</translation>
    </message>
</context>
<context>
    <name>AwsError</name>
    <message>
        <source>The service answered with HTTP status %1.</source>
        <translation>El servicio respondió con el estado HTTP %1.</translation>
    </message>
    <message>
        <source>Could not reach AWS: %1. Check the network connection and the endpoint.</source>
        <translation>No se pudo acceder a AWS: %1. Compruebe la conexión de red y el punto de conexión.</translation>
    </message>
    <message>
        <source>AWS did not answer in time. Check the network connection, then retry.</source>
        <translation>AWS no respondió a tiempo. Compruebe la conexión de red y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>AWS is limiting requests. Wait a moment, then retry.</source>
        <translation>AWS está limitando las solicitudes. Espere un momento y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Access denied: your credentials are not allowed to call %1. Ask your administrator for this IAM permission.</source>
        <translation>Acceso denegado: sus credenciales no permiten llamar a %1. Pida este permiso de IAM a su administrador.</translation>
    </message>
    <message>
        <source>Access denied: %1</source>
        <translation>Acceso denegado: %1</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>No encontrado: %1</translation>
    </message>
    <message>
        <source>The request was not valid: %1</source>
        <translation>La solicitud no era válida: %1</translation>
    </message>
    <message>
        <source>Your AWS credentials have expired. Refresh them (for example with &quot;aws sso login&quot;), then retry.</source>
        <translation>Sus credenciales de AWS han caducado. Renuévelas (por ejemplo, con «aws sso login») y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>AWS rejected the request time. Check that this computer&apos;s clock is correct.</source>
        <translation>AWS rechazó la hora de la solicitud. Compruebe que el reloj de este equipo es correcto.</translation>
    </message>
    <message>
        <source>AWS does not recognise these credentials (access key id). Check the profile, or whether the region is right.</source>
        <translation>AWS no reconoce estas credenciales (ID de clave de acceso). Compruebe el perfil o si la región es la correcta.</translation>
    </message>
    <message>
        <source>There is a problem with the AWS credentials: %1</source>
        <translation>Hay un problema con las credenciales de AWS: %1</translation>
    </message>
    <message>
        <source>AWS had an internal problem (%1). Retry in a moment.</source>
        <translation>AWS tuvo un problema interno (%1). Vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>AWS sent an answer SessionScope could not read: %1</source>
        <translation>AWS envió una respuesta que SessionScope no pudo leer: %1</translation>
    </message>
    <message>
        <source>The request conflicts with the current state: %1</source>
        <translation>La solicitud entra en conflicto con el estado actual: %1</translation>
    </message>
    <message>
        <source>Configuration problem: %1</source>
        <translation>Problema de configuración: %1</translation>
    </message>
    <message>
        <source>Could not write the file: %1</source>
        <translation>No se pudo escribir el archivo: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>request id %1</source>
        <translation>ID de solicitud %1</translation>
    </message>
    <message>
        <source>AWS is limiting requests (it asked to wait %1 s). Wait a moment, then retry.</source>
        <translation>AWS está limitando las solicitudes (pidió esperar %1 s). Espere un momento y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The request is too large for AWS to accept: %1</source>
        <translation>La solicitud es demasiado grande para que AWS la acepte: %1</translation>
    </message>
    <message>
        <source>The resource has as many tags as AWS allows (%1). Remove a tag first.</source>
        <translation>El recurso ya tiene tantas etiquetas como AWS permite (%1). Quite antes una etiqueta.</translation>
    </message>
    <message>
        <source>An AWS service quota of the account has been reached (%1). Free some room, or ask for a higher quota in the Service Quotas console.</source>
        <translation>Se ha alcanzado una cuota de servicio de AWS de la cuenta (%1). Libere algo de espacio o solicite una cuota mayor en la consola de Service Quotas.</translation>
    </message>
</context>
<context>
    <name>AwsTransport</name>
    <message>
        <source>The endpoint &quot;%1&quot; is not an http(s) URL with a host.</source>
        <translation>El punto de conexión «%1» no es una URL http(s) con un host.</translation>
    </message>
    <message>
        <source>No AWS region is set.</source>
        <translation>No hay ninguna región de AWS establecida.</translation>
    </message>
    <message>
        <source>No network access manager.</source>
        <translation>No hay gestor de acceso a la red.</translation>
    </message>
</context>
<context>
    <name>CliArguments</name>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>argumento inesperado «%1»</translation>
    </message>
    <message>
        <source>unknown option --%1 (options of a command come after the command)</source>
        <translation>opción desconocida --%1 (las opciones de un comando van después del comando)</translation>
    </message>
    <message>
        <source>unknown option --%1 for &quot;%2&quot;</source>
        <translation>opción desconocida --%1 para «%2»</translation>
    </message>
    <message>
        <source>option --%1 takes no value</source>
        <translation>la opción --%1 no admite valor</translation>
    </message>
    <message>
        <source>option --%1 needs a value</source>
        <translation>la opción --%1 necesita un valor</translation>
    </message>
    <message>
        <source>option --%1 given twice</source>
        <translation>la opción --%1 se ha dado dos veces</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs --%2</source>
        <translation>«%1» necesita --%2</translation>
    </message>
    <message>
        <source>--format must be one of: %1</source>
        <translation>--format debe ser uno de estos: %1</translation>
    </message>
    <message>
        <source>--status must be active or terminated</source>
        <translation>--status debe ser active o terminated</translation>
    </message>
    <message>
        <source>--sort must be newest or oldest</source>
        <translation>--sort debe ser newest u oldest</translation>
    </message>
    <message>
        <source>--page-size must be a whole number of at least 1</source>
        <translation>--page-size debe ser un número entero de al menos 1</translation>
    </message>
    <message>
        <source>--max-items must be a whole number of at least 1</source>
        <translation>--max-items debe ser un número entero de al menos 1</translation>
    </message>
    <message>
        <source>--columns has an empty column name</source>
        <translation>--columns tiene un nombre de columna vacío</translation>
    </message>
    <message>
        <source>sessionscope-cli sharing --instance-id ID --session-id ID [--format table|json]
  Shows the Amazon Q Apps sharing configuration of a session.
</source>
        <translation>sessionscope-cli sharing --instance-id ID --session-id ID [--format table|json]
  Muestra la configuración de uso compartido de Amazon Q Apps de una sesión.
</translation>
    </message>
    <message>
        <source>--portal &quot;%1&quot; is not a portal ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID)</source>
        <translation>--portal &quot;%1&quot; no es un ARN de portal (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID)</translation>
    </message>
    <message>
        <source>  --portal takes a portal id or its ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID). With an
  ARN and no region set (--region, AWS_REGION, AWS_DEFAULT_REGION, the profile), the ARN&apos;s region is
  used; a region set elsewhere that differs from the ARN&apos;s is an error (exit status 3).
</source>
        <translation>  --portal acepta un id de portal o su ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID). Con un
  ARN y sin región definida (--region, AWS_REGION, AWS_DEFAULT_REGION, el perfil), se usa la región del
  ARN; una región definida en otro lugar que difiera de la del ARN es un error (estado de salida 3).
</translation>
    </message>
    <message>
        <source>sessionscope-cli portals [--format table|json|csv|jsonl] [--spreadsheet-safe]
  Lists every web portal of the account and region (all pages).
</source>
        <translation>sessionscope-cli portals [--format table|json|csv|jsonl] [--spreadsheet-safe]
  Lista todos los portales web de la cuenta y la región (todas las páginas).
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
        <translation>sessionscope-cli sessions --portal ID|ARN [opciones]
  Lista las sesiones de un portal, página a página, escribiendo cada página en cuanto llega a stdout o a --output.
  --status active|terminated   solo las sesiones en este estado
  --username NAME              solo este usuario (coincidencia exacta)
  --session-id ID              solo esta sesión
  --sort newest|oldest         por hora de inicio (predeterminado: newest)
  --page-size N                sesiones por solicitud (predeterminado: el del servicio)
  --max-items N                parar tras N sesiones
  --format table|csv|json|jsonl   (predeterminado: table en un terminal; si no, jsonl)
  --output FILE                escribir en FILE (completo o nada) en lugar de stdout
  --columns a,b,...            columnas exportadas (nombres de la API, listados abajo)
  --spreadsheet-safe           anteponer &apos; a las celdas que empiezan por = + - @ tab CR (CSV)
  --bom                        empezar el CSV con una marca de orden de bytes UTF-8
  --local-time                 horas locales con desfase en lugar de UTC
  --instance-id ID             instancia de Amazon Q Business para las columnas de uso compartido de Q App

Columnas (predeterminadas: sessionId,username,status,startTime,endTime,portalArn):
  %1
  clientIpAddresses necesita una llamada a GetSession por sesión; las columnas qApp*, una
  llamada a GetQAppSessionMetadata por sesión (y --instance-id).
</translation>
    </message>
    <message>
        <source>sessionscope-cli session --portal ID|ARN --session-id ID [--format table|json]
  Shows one session with its client IP addresses.
</source>
        <translation>sessionscope-cli session --portal ID|ARN --session-id ID [--format table|json]
  Muestra una sesión con las direcciones IP de sus clientes.
</translation>
    </message>
    <message>
        <source>sessionscope-cli expire --portal ID|ARN --session-id ID [--yes]
  Ends (expires) an active session. Asks for confirmation on a terminal unless --yes.
</source>
        <translation>sessionscope-cli expire --portal ID|ARN --session-id ID [--yes]
  Finaliza (hace caducar) una sesión activa. Pide confirmación en un terminal, salvo con --yes.
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
  Indica a quién pertenecen las credenciales (STS GetCallerIdentity): la cuenta, el ARN, el ID de usuario y
  de dónde proceden las credenciales. JSON: {&quot;Account&quot;, &quot;Arn&quot;, &quot;UserId&quot;, &quot;CredentialSource&quot;}.
  Un perfil con mfa_serial pide el código en el terminal («Enter MFA code for ...: »); sin
  terminal falla de inmediato (código de salida 4).
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
  Inicia sesión con un perfil de IAM Identity Center (sso_session o sso_start_url) sin la AWS CLI: muestra una
  URL y un código en stderr, espera a que permita el acceso en un navegador (en cualquier dispositivo) y guarda
  el inicio de sesión en la caché de la AWS CLI (~/.aws/sso/cache), de modo que `aws` lo comparte. Muestra
  hasta cuándo es válido el inicio de sesión. Ctrl-C cancela (código de salida 13).
</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot; (expected portals, sessions, session, sharing, expire, whoami, login or config)</source>
        <translation>comando desconocido «%1» (se esperaba portals, sessions, session, sharing, expire, whoami, login o config)</translation>
    </message>
    <message>
        <source>--%1 must be a number of seconds of at least 0 (0: no limit)</source>
        <translation>--%1 debe ser un número de segundos de al menos 0 (0: sin límite)</translation>
    </message>
    <message>
        <source>no command given (expected portals, sessions, session, sharing, expire, whoami, login or config)</source>
        <translation>no se ha dado ningún comando (se esperaba portals, sessions, session, sharing, expire, whoami, login o config)</translation>
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
        <translation>Opciones globales (antes o después del comando):
  --profile P         perfil de AWS (archivos compartidos o creado en SessionScope); predeterminado: AWS_PROFILE,
                      si no, las credenciales del entorno y, si no, «default»
  --region R          región de AWS; predeterminada: AWS_REGION, AWS_DEFAULT_REGION, la región del perfil
  --endpoint-url URL  usar este punto de conexión para todos los servicios (http:// solo en direcciones de bucle local)
  --ca-bundle FILE    confiar solo en las entidades de certificación de este archivo PEM (para un proxy que
                      inspecciona TLS o una CA privada); predeterminado: AWS_CA_BUNDLE, el ca_bundle del perfil
  --cli-connect-timeout S  segundos de espera para establecer una conexión (0: sin límite); predeterminado: el
                      connect_timeout del perfil y, si no, 10
  --cli-read-timeout S  segundos de espera sin recibir datos (0: sin límite); predeterminado: el
                      read_timeout del perfil y, si no, 60
  --debug             registrar las solicitudes (nunca secretos) en stderr
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
        <translation>Estado de salida:
  0 éxito                 2 error de uso            3 configuración (perfil, región, punto de conexión)
  4 credenciales          5 acceso denegado         6 no encontrado
  7 solicitud no válida   8 limitado (throttling)   9 red o tiempo de espera
  10 error del servicio   11 respuesta ilegible     12 error de archivo local
  13 cancelado            14 cuota superada         1 cualquier otro caso
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
  Muestra cada parámetro que usarían los demás comandos y de dónde procede cada uno, como
  `aws configure list`, sin llamar a AWS: perfil, credenciales (un ID de clave de acceso solo por sus cuatro
  últimos caracteres), región, el punto de conexión de cada servicio, FIPS y doble pila, proxy, paquete de CA,
  tiempos de espera, modo de reintento, intentos e ID de aplicación. JSON: un objeto con las claves profile, credentialSource,
  region, regionSource, endpoints, proxy, caBundle, connectTimeout, readTimeout, retryMode,
  maxAttempts (y más; consulte la página del manual).
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
        <translation>Uso: sessionscope-cli [opciones globales] COMANDO [opciones]

Explorar las sesiones de Amazon WorkSpaces Secure Browser y su configuración de uso compartido de Amazon Q Apps.

Comandos:
  portals    listar los portales web
  sessions   listar o exportar las sesiones de un portal
  session    mostrar una sesión
  sharing    mostrar la configuración de uso compartido de Q App de una sesión
  expire     finalizar una sesión activa
  whoami     mostrar a quién pertenecen las credenciales
  login      iniciar sesión en IAM Identity Center
  config     mostrar cada parámetro y de dónde procede

Ejecute «sessionscope-cli COMANDO --help» para ver las opciones de un comando.

</translation>
    </message>
</context>
<context>
    <name>CliConnection</name>
    <message>
        <source>the portal ARN is in region %1, but the region is %2 (from %3); set the same region or none, and the ARN&apos;s region is used</source>
        <extracomment>%1 the region in the portal ARN, %2 the region set elsewhere, %3 where it was set (&quot;--region&quot;, &quot;AWS_REGION&quot;, &quot;profile dev&quot;).</extracomment>
        <translation>el ARN del portal está en la región %1, pero la región es %2 (de %3); defina la misma región o ninguna, y se usará la región del ARN</translation>
    </message>
</context>
<context>
    <name>ClientAddressesSection</name>
    <message>
        <source>Client IP addresses</source>
        <translation>Direcciones IP del cliente</translation>
    </message>
    <message>
        <source>No session selected.</source>
        <translation>No hay ninguna sesión seleccionada.</translation>
    </message>
    <message>
        <source>Loading the session&apos;s details…</source>
        <translation>Cargando los detalles de la sesión…</translation>
    </message>
    <message>
        <source>The service reported no client IP address for this session.</source>
        <translation>El servicio no informó de ninguna dirección IP de cliente para esta sesión.</translation>
    </message>
    <message>
        <source>The service no longer knows this session (terminated sessions are kept for about 35 days).</source>
        <translation>El servicio ya no conoce esta sesión (las sesiones terminadas se conservan unos 35 días).</translation>
    </message>
</context>
<context>
    <name>Command</name>
    <message>
        <source>standard output</source>
        <translation>salida estándar</translation>
    </message>
    <message>
        <source>profile: %1; region: %2 (%3); WorkSpaces Web endpoint: %4 (%5); attempts: %6</source>
        <translation>perfil: %1; región: %2 (%3); punto de conexión de WorkSpaces Web: %4 (%5); intentos: %6</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>%1 failed (%2); retrying in %3 s (attempt %4)</source>
        <translation>%1 falló (%2); nuevo intento en %3 s (intento %4)</translation>
    </message>
    <message>
        <source>Interrupted.</source>
        <translation>Interrumpido.</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>error: %1</translation>
    </message>
    <message numerus="yes">
        <source>CA bundle: %1 (%2), %n certificate(s)</source>
        <extracomment>%1 the file, %2 where it was named (&quot;--ca-bundle&quot;, &quot;AWS_CA_BUNDLE&quot;, &quot;profile dev&quot;)</extracomment>
        <translation>
            <numerusform>Paquete de CA: %1 (%2), %n certificado</numerusform>
            <numerusform>Paquete de CA: %1 (%2), %n certificados</numerusform>
        </translation>
    </message>
    <message>
        <source>CA bundle: none (the system&apos;s certificate authorities)</source>
        <translation>Paquete de CA: ninguno (las entidades de certificación del sistema)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>retry mode: %1 (%2); connect timeout: %3 (%4); read timeout: %5 (%6)</source>
        <extracomment>%1 legacy/standard/adaptive, %3 and %5 seconds or &quot;no limit&quot;, the others where each came from</extracomment>
        <translation>modo de reintento: %1 (%2); tiempo de espera de conexión: %3 (%4); tiempo de espera de lectura: %5 (%6)</translation>
    </message>
    <message>
        <source>proxy: %1 (no proxy variable in the environment)</source>
        <extracomment>%1 the proxy URL(s) without password and the NO_PROXY entries, %2 where they were set (&quot;HTTPS_PROXY, NO_PROXY&quot;, &quot;connection settings&quot;)</extracomment>
        <translation>proxy: %1 (ninguna variable de proxy en el entorno)</translation>
    </message>
    <message>
        <source>proxy: %1 (%2)</source>
        <translation>proxy: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>CommandLineSplitter</name>
    <message>
        <source>The command line ends with a lone backslash.</source>
        <translation>La línea de comandos termina con una barra invertida suelta.</translation>
    </message>
    <message>
        <source>The command line has a single quote (&apos;) that is never closed.</source>
        <translation>La línea de comandos tiene una comilla simple (&apos;) que nunca se cierra.</translation>
    </message>
    <message>
        <source>The command line has a double quote (&quot;) that is never closed.</source>
        <translation>La línea de comandos tiene una comilla doble (&quot;) que nunca se cierra.</translation>
    </message>
    <message>
        <source>The command line is empty.</source>
        <translation>La línea de comandos está vacía.</translation>
    </message>
</context>
<context>
    <name>ConfigCommand</name>
    <message>
        <source>access keys</source>
        <translation>claves de acceso</translation>
    </message>
    <message>
        <source>assume role</source>
        <translation>asumir rol</translation>
    </message>
    <message>
        <source>assume role with MFA</source>
        <translation>asumir rol con MFA</translation>
    </message>
    <message>
        <source>IAM Identity Center</source>
        <translation>IAM Identity Center</translation>
    </message>
    <message>
        <source>web identity</source>
        <translation>identidad web</translation>
    </message>
    <message>
        <source>no credentials</source>
        <translation>sin credenciales</translation>
    </message>
    <message>
        <source>default</source>
        <translation>predeterminado</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>perfil</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 where the credentials come from, %2 their kind (&quot;IAM Identity Center&quot;, &quot;assume role&quot;)</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>none: %1</source>
        <extracomment>%1 why no credentials can be found</extracomment>
        <translation>ninguna: %1</translation>
    </message>
    <message>
        <source>credentials</source>
        <translation>credenciales</translation>
    </message>
    <message>
        <source>(not shown)</source>
        <translation>(no se muestra)</translation>
    </message>
    <message>
        <source>region</source>
        <translation>región</translation>
    </message>
    <message>
        <source> (the profile does not use IAM Identity Center)</source>
        <translation> (el perfil no usa IAM Identity Center)</translation>
    </message>
    <message>
        <source>endpoint %1</source>
        <translation>punto de conexión %1</translation>
    </message>
    <message>
        <source>(error)</source>
        <translation>(error)</translation>
    </message>
    <message>
        <source>FIPS endpoints</source>
        <translation>puntos de conexión FIPS</translation>
    </message>
    <message>
        <source>dual-stack endpoints</source>
        <translation>puntos de conexión de doble pila</translation>
    </message>
    <message>
        <source>proxy</source>
        <translation>proxy</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>paquete de CA</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n certificate(s))</source>
        <translation>
            <numerusform>%1 (%n certificado)</numerusform>
            <numerusform>%1 (%n certificados)</numerusform>
        </translation>
    </message>
    <message>
        <source>the system&apos;s certificate authorities</source>
        <translation>las entidades de certificación del sistema</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>connect timeout</source>
        <translation>tiempo de espera de conexión</translation>
    </message>
    <message>
        <source>read timeout</source>
        <translation>tiempo de espera de lectura</translation>
    </message>
    <message>
        <source>retry mode</source>
        <translation>modo de reintento</translation>
    </message>
    <message>
        <source>max attempts</source>
        <translation>máximo de intentos</translation>
    </message>
    <message>
        <source>app id</source>
        <translation>ID de aplicación</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Parámetro</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nuevo…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Probar conexión</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Perfiles</translation>
    </message>
    <message>
        <source>Problem reading the AWS files</source>
        <translation>Problema al leer los archivos de AWS</translation>
    </message>
    <message>
        <source>New SessionScope profile</source>
        <translation>Nuevo perfil de SessionScope</translation>
    </message>
    <message>
        <source>Edit SessionScope profile</source>
        <translation>Editar perfil de SessionScope</translation>
    </message>
    <message>
        <source>Delete SessionScope profile</source>
        <translation>Eliminar perfil de SessionScope</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>From the profile or environment</source>
        <translation>Del perfil o del entorno</translation>
    </message>
    <message>
        <source>Endpoint override</source>
        <translation>Punto de conexión alternativo</translation>
    </message>
    <message>
        <source>empty: the profile&apos;s or the regional AWS endpoints</source>
        <translation>vacío: los del perfil o los puntos de conexión regionales de AWS</translation>
    </message>
    <message>
        <source>Amazon Q Business instance ID</source>
        <translation>ID de instancia de Amazon Q Business</translation>
    </message>
    <message>
        <source>optional: the profile&apos;s, if it has one</source>
        <translation>opcional: el del perfil, si lo tiene</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Resultado de la prueba</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Conectar</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Región:</translation>
    </message>
    <message>
        <source>End&amp;point URL:</source>
        <translation>URL del p&amp;unto de conexión:</translation>
    </message>
    <message>
        <source>Q Business &amp;instance ID:</source>
        <translation>ID de &amp;instancia de Q Business:</translation>
    </message>
    <message>
        <source>&amp;Profiles (from ~/.aws and SessionScope&apos;s own):</source>
        <translation>Per&amp;files (de ~/.aws y los propios de SessionScope):</translation>
    </message>
    <message>
        <source>%1 — SessionScope profile (keychain)</source>
        <translation>%1 — perfil de SessionScope (llavero)</translation>
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
        <translation>Eliminar perfil</translation>
    </message>
    <message>
        <source>Delete the SessionScope profile “%1” and its secret in the keychain?</source>
        <translation>¿Eliminar el perfil de SessionScope «%1» y su secreto del llavero?</translation>
    </message>
    <message>
        <source>Asking %1 for its portals…</source>
        <translation>Pidiendo sus portales a %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n portal(s)</source>
        <translation>
            <numerusform>%n portal</numerusform>
            <numerusform>%n portales</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %n portal(s)</source>
        <translation>
            <numerusform>al menos %n portal</numerusform>
            <numerusform>al menos %n portales</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected: profile %1 can list portals in %2 (%3 found).</source>
        <translation>Conectado: el perfil %1 puede listar los portales de %2 (%3 encontrados).</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Sin conexión: %1</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>Iniciar &amp;sesión…</translation>
    </message>
    <message>
        <source>Sign in to IAM Identity Center</source>
        <translation>Iniciar sesión en IAM Identity Center</translation>
    </message>
    <message>
        <source>Sign in to IAM Identity Center with this profile, in the browser</source>
        <translation>Iniciar sesión en IAM Identity Center con este perfil, en el navegador</translation>
    </message>
    <message>
        <source>A SessionScope profile; its secret is in the system keychain.</source>
        <translation>Un perfil de SessionScope; su secreto está en el llavero del sistema.</translation>
    </message>
    <message>
        <source>Defined in %1</source>
        <translation>Definido en %1</translation>
    </message>
    <message>
        <source>access keys</source>
        <translation>claves de acceso</translation>
    </message>
    <message>
        <source>credential process</source>
        <translation>proceso de credenciales</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rol</translation>
    </message>
    <message>
        <source>role + MFA</source>
        <translation>rol + MFA</translation>
    </message>
    <message>
        <source>IAM Identity Center</source>
        <translation>IAM Identity Center</translation>
    </message>
    <message>
        <source>web identity</source>
        <translation>identidad web</translation>
    </message>
    <message>
        <source>no credentials</source>
        <translation>sin credenciales</translation>
    </message>
    <message>
        <source>signed in until %1</source>
        <extracomment>%1 a time of day (&quot;19:40&quot;), or a date and time when it is not today</extracomment>
        <translation>sesión iniciada hasta %1</translation>
    </message>
    <message>
        <source>sign-in renews itself</source>
        <translation>el inicio de sesión se renueva solo</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>sin iniciar sesión</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>Sin iniciar sesión: %1</translation>
    </message>
</context>
<context>
    <name>ConnectionManager</name>
    <message>
        <source>No AWS credentials were found (no environment keys, no profile in ~/.aws, no SessionScope profile). Try the demo, or set up a connection.</source>
        <translation>No se encontraron credenciales de AWS (ni claves en el entorno, ni perfil en ~/.aws, ni perfil de SessionScope). Pruebe la demostración o configure una conexión.</translation>
    </message>
    <message>
        <source>The demo could not start: %1</source>
        <translation>No se pudo iniciar la demostración: %1</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>No se pudo conectar: %1</translation>
    </message>
    <message>
        <source>Could not sign in: %1</source>
        <translation>No se pudo iniciar sesión: %1</translation>
    </message>
</context>
<context>
    <name>ConnectionResolver</name>
    <message>
        <source>SessionScope&apos;s profiles (system keychain)</source>
        <translation>los perfiles de SessionScope (llavero del sistema)</translation>
    </message>
    <message>
        <source> or among SessionScope&apos;s own profiles</source>
        <extracomment>Appended to &quot;was not found in %2&quot; (the files searched), right after the file names.</extracomment>
        <translation> ni entre los perfiles propios de SessionScope</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; was not found in %2%3.</source>
        <translation>No se encontró el perfil «%1» en %2%3.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; named by AWS_PROFILE was not found in %2%3.</source>
        <translation>No se encontró el perfil «%1» indicado en AWS_PROFILE en %2%3.</translation>
    </message>
    <message>
        <source>connection settings</source>
        <translation>configuración de la conexión</translation>
    </message>
</context>
<context>
    <name>ConnectionSummaryLabel</name>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
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
        <translation>Perfil: %1
Región: %2
Las solicitudes van a: %3
Credenciales: %4
Instancia de Amazon Q Business: %5</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin establecer</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Account: %1
Identity: %2
User ID: %3</source>
        <translation>Cuenta: %1
Identidad: %2
ID de usuario: %3</translation>
    </message>
    <message>
        <source>Identity: not known (%1)</source>
        <translation>Identidad: desconocida (%1)</translation>
    </message>
</context>
<context>
    <name>ContainerCredentialsProvider</name>
    <message>
        <source>AWS_CONTAINER_CREDENTIALS_FULL_URI must be https, or http to a loopback address, 169.254.170.2, 169.254.170.23, fd00:ec2::23 or localhost; it is %1.</source>
        <translation>AWS_CONTAINER_CREDENTIALS_FULL_URI debe ser https, o http a una dirección de bucle local, 169.254.170.2, 169.254.170.23, fd00:ec2::23 o localhost; es %1.</translation>
    </message>
    <message>
        <source>container credentials</source>
        <translation>credenciales de contenedor</translation>
    </message>
    <message>
        <source>Could not read the container authorization token file %1 (AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE): %2</source>
        <translation>No se pudo leer el archivo del token de autorización del contenedor %1 (AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE): %2</translation>
    </message>
    <message>
        <source>The container authorization token is not a valid header value (it has a line break).</source>
        <translation>El token de autorización del contenedor no es un valor de encabezado válido (contiene un salto de línea).</translation>
    </message>
    <message>
        <source>it did not answer in time</source>
        <translation>no respondió a tiempo</translation>
    </message>
    <message>
        <source>it answered HTTP %1</source>
        <translation>respondió HTTP %1</translation>
    </message>
    <message>
        <source>No credentials from the container credentials endpoint %1: %2</source>
        <translation>No hay credenciales del punto de conexión de credenciales de contenedor %1: %2</translation>
    </message>
    <message>
        <source>The container credentials endpoint %1 answered without complete credentials.</source>
        <translation>El punto de conexión de credenciales de contenedor %1 respondió sin credenciales completas.</translation>
    </message>
</context>
<context>
    <name>CopyableValue</name>
    <message>
        <source>%1 indicator</source>
        <translation>Indicador de %1</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Copiar %1</translation>
    </message>
</context>
<context>
    <name>CredentialProcessProvider</name>
    <message>
        <source>credential_process of profile %1</source>
        <translation>credential_process del perfil %1</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; failed: %2</source>
        <translation>El credential_process del perfil «%1» falló: %2</translation>
    </message>
    <message>
        <source>the program &quot;%1&quot; was not found in PATH.</source>
        <translation>no se encontró el programa «%1» en PATH.</translation>
    </message>
    <message>
        <source>could not start &quot;%1&quot;: the program was not found or is not executable.</source>
        <translation>no se pudo iniciar «%1»: el programa no se encontró o no es ejecutable.</translation>
    </message>
    <message>
        <source> It said: %1</source>
        <translation> Su salida: %1</translation>
    </message>
    <message>
        <source>it did not finish within %1 s and was stopped.</source>
        <translation>no terminó en %1 s y se detuvo.</translation>
    </message>
    <message>
        <source>it printed more than %1 KiB, which is not a credentials answer.</source>
        <translation>escribió más de %1 KiB, lo que no es una respuesta de credenciales.</translation>
    </message>
    <message>
        <source>it was ended by a signal before it finished.</source>
        <translation>una señal lo terminó antes de acabar.</translation>
    </message>
    <message>
        <source>it exited with code %1.</source>
        <translation>terminó con el código %1.</translation>
    </message>
    <message>
        <source>its output is not a JSON object like {&quot;Version&quot;: 1, &quot;AccessKeyId&quot;: ..., &quot;SecretAccessKey&quot;: ...}.</source>
        <translation>su salida no es un objeto JSON como {&quot;Version&quot;: 1, &quot;AccessKeyId&quot;: ..., &quot;SecretAccessKey&quot;: ...}.</translation>
    </message>
    <message>
        <source>its output has no &quot;Version&quot;; SessionScope understands Version 1.</source>
        <translation>su salida no tiene «Version»; SessionScope entiende la Version 1.</translation>
    </message>
    <message>
        <source>its output has an unsupported &quot;Version&quot;; SessionScope understands Version 1.</source>
        <translation>su salida tiene una «Version» no admitida; SessionScope entiende la Version 1.</translation>
    </message>
    <message>
        <source>its output has no &quot;AccessKeyId&quot; string.</source>
        <translation>su salida no tiene la cadena «AccessKeyId».</translation>
    </message>
    <message>
        <source>its output has no &quot;SecretAccessKey&quot; string.</source>
        <translation>su salida no tiene la cadena «SecretAccessKey».</translation>
    </message>
    <message>
        <source>its &quot;Expiration&quot; is not an ISO 8601 date-time such as 2030-01-31T12:00:00Z.</source>
        <translation>su «Expiration» no es una fecha y hora ISO 8601 como 2030-01-31T12:00:00Z.</translation>
    </message>
    <message>
        <source>it returned credentials that expired at %1.</source>
        <translation>devolvió credenciales que caducaron el %1.</translation>
    </message>
</context>
<context>
    <name>CredentialsProviderChain</name>
    <message>
        <source>The profile &quot;%1&quot; was not found in %2%3.</source>
        <translation>No se encontró el perfil «%1» en %2%3.</translation>
    </message>
    <message>
        <source> or among SessionScope&apos;s own profiles</source>
        <translation> ni entre los perfiles propios de SessionScope</translation>
    </message>
    <message>
        <source>No AWS credentials found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, add a [default] profile to %1 (for example with &quot;aws configure&quot;), or choose a profile with --profile.</source>
        <translation>No se encontraron credenciales de AWS. Establezca AWS_ACCESS_KEY_ID y AWS_SECRET_ACCESS_KEY, añada un perfil [default] a %1 (por ejemplo, con «aws configure») o elija un perfil con --profile.</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>perfil %1</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; named by %2 was not found in %3.</source>
        <translation>No se encontró el perfil «%1» indicado en %2 en %3.</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>environment, then profile %1, then container and instance metadata</source>
        <translation>entorno, después perfil %1 y, después, metadatos de contenedor y de instancia</translation>
    </message>
</context>
<context>
    <name>DemoConnection</name>
    <message>
        <source>built-in emulator at %1</source>
        <translation>emulador integrado en %1</translation>
    </message>
    <message>
        <source>the emulator&apos;s throw-away demo keys</source>
        <translation>las claves de demostración desechables del emulador</translation>
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
        <translation>(oculta)</translation>
    </message>
    <message>
        <source>The endpoint URL %1 (from %2) %3</source>
        <translation>La URL del punto de conexión %1 (de %2) %3</translation>
    </message>
    <message>
        <source>is not a valid URL such as https://example.com.</source>
        <translation>no es una URL válida como https://example.com.</translation>
    </message>
    <message>
        <source>must start with https://.</source>
        <translation>debe empezar por https://.</translation>
    </message>
    <message>
        <source>has no host name.</source>
        <translation>no tiene nombre de host.</translation>
    </message>
    <message>
        <source>must not contain a user name or password.</source>
        <translation>no debe contener nombre de usuario ni contraseña.</translation>
    </message>
    <message>
        <source>must not have a query (?...).</source>
        <translation>no debe tener consulta (?...).</translation>
    </message>
    <message>
        <source>must not have a fragment (#...).</source>
        <translation>no debe tener fragmento (#...).</translation>
    </message>
    <message>
        <source>must not have a path; give only scheme, host and port.</source>
        <translation>no debe tener ruta; indique solo esquema, host y puerto.</translation>
    </message>
    <message>
        <source>uses plain http://, which is allowed only for this computer (localhost, 127.0.0.1, ::1). Use https://.</source>
        <translation>usa http:// sin cifrar, que solo se permite para este equipo (localhost, 127.0.0.1, ::1). Use https://.</translation>
    </message>
    <message>
        <source>the services section of profile %1</source>
        <translation>la sección services del perfil %1</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>perfil %1</translation>
    </message>
    <message>
        <source>sts_regional_endpoints (from %1) must be &quot;regional&quot; or &quot;legacy&quot;.</source>
        <translation>sts_regional_endpoints (de %1) debe ser «regional» o «legacy».</translation>
    </message>
    <message>
        <source>%1 (from %2) must be &quot;true&quot; or &quot;false&quot;, not &quot;%3&quot;.</source>
        <translation>%1 (de %2) debe ser «true» o «false», no «%3».</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid region name: a region is a single host name label of letters, digits and hyphens, such as us-east-1.</source>
        <translation>«%1» no es un nombre de región válido: una región es una sola etiqueta de nombre de host formada por letras, dígitos y guiones, como us-east-1.</translation>
    </message>
    <message>
        <source>%1 (from %2) are not available in the %3 partition of region %4. Turn the setting off or set an endpoint URL.</source>
        <translation>%1 (de %2) no están disponibles en la partición %3 de la región %4. Desactive la opción o establezca una URL de punto de conexión.</translation>
    </message>
    <message>
        <source>Dual-stack endpoints (use_dualstack_endpoint, from %1) are not available in the %2 partition of region %3; botocore and the AWS CLI refuse them there too. Turn the setting off or set an endpoint URL.</source>
        <translation>Los puntos de conexión de doble pila (use_dualstack_endpoint, de %1) no están disponibles en la partición %2 de la región %3; botocore y la AWS CLI también los rechazan allí. Desactive la opción o establezca una URL de punto de conexión.</translation>
    </message>
    <message>
        <source>FIPS dual-stack endpoints</source>
        <translation>Los puntos de conexión FIPS de doble pila</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 y %2</translation>
    </message>
    <message>
        <source>FIPS endpoints</source>
        <translation>Los puntos de conexión FIPS</translation>
    </message>
    <message>
        <source>Dual-stack endpoints</source>
        <translation>Los puntos de conexión de doble pila</translation>
    </message>
</context>
<context>
    <name>EnvironmentCredentialsProvider</name>
    <message>
        <source>environment</source>
        <translation>entorno</translation>
    </message>
    <message>
        <source>AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set in the environment.</source>
        <translation>AWS_ACCESS_KEY_ID y AWS_SECRET_ACCESS_KEY no están definidas en el entorno.</translation>
    </message>
    <message>
        <source>AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not. Set both, or neither.</source>
        <translation>AWS_SECRET_ACCESS_KEY está definida, pero AWS_ACCESS_KEY_ID no. Defina las dos o ninguna.</translation>
    </message>
    <message>
        <source>AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not. Set both, or neither.</source>
        <translation>AWS_ACCESS_KEY_ID está definida, pero AWS_SECRET_ACCESS_KEY no. Defina las dos o ninguna.</translation>
    </message>
    <message>
        <source>AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 date-time such as 2030-01-31T12:00:00Z.</source>
        <translation>AWS_CREDENTIAL_EXPIRATION no es una fecha y hora ISO 8601 como 2030-01-31T12:00:00Z.</translation>
    </message>
    <message>
        <source>The credentials in the environment expired at %1 (AWS_CREDENTIAL_EXPIRATION). Set fresh ones.</source>
        <translation>Las credenciales del entorno caducaron el %1 (AWS_CREDENTIAL_EXPIRATION). Defina otras nuevas.</translation>
    </message>
    <message>
        <source>environment variables (AWS_ACCESS_KEY_ID)</source>
        <translation>variables de entorno (AWS_ACCESS_KEY_ID)</translation>
    </message>
</context>
<context>
    <name>ExpireCommand</name>
    <message>
        <source>sessionscope-cli: expire needs --yes when not run from a terminal</source>
        <translation>sessionscope-cli: expire necesita --yes si no se ejecuta en un terminal</translation>
    </message>
    <message>
        <source>Not expired.</source>
        <translation>No finalizada.</translation>
    </message>
    <message>
        <source>Session %1 expired.
</source>
        <translation>Sesión %1 finalizada.
</translation>
    </message>
    <message>
        <source>End session %1 of portal %2? The user is disconnected. [y/N] </source>
        <extracomment>The answers read are always y or yes (in English), whatever the language.</extracomment>
        <translation>¿Finalizar la sesión %1 del portal %2? El usuario se desconecta. [y/N] </translation>
    </message>
</context>
<context>
    <name>ExpireSessionsDialog</name>
    <message>
        <source>Expire sessions</source>
        <translation>Finalizar sesiones</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message numerus="yes">
        <source>Expire %n active session(s)? Their users are disconnected at once. This cannot be undone.</source>
        <translation>
            <numerusform>¿Finalizar %n sesión activa? Su usuario se desconecta de inmediato. No se puede deshacer.</numerusform>
            <numerusform>¿Finalizar %n sesiones activas? Sus usuarios se desconectan de inmediato. No se puede deshacer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sessions to expire</source>
        <translation>Sesiones que finalizar</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>ID de sesión</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Hora de inicio</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Sin empezar</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Expire %n session(s)</source>
        <translation>
            <numerusform>&amp;Finalizar %n sesión</numerusform>
            <numerusform>&amp;Finalizar %n sesiones</numerusform>
        </translation>
    </message>
    <message>
        <source>Expire the listed sessions</source>
        <translation>Finalizar las sesiones de la lista</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Expire no further sessions; requests already sent still finish</source>
        <translation>No finalizar más sesiones; las solicitudes ya enviadas terminan igualmente</translation>
    </message>
    <message>
        <source>Expiring sessions…</source>
        <translation>Finalizando sesiones…</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) expired.</source>
        <translation>
            <numerusform>%n sesión finalizada.</numerusform>
            <numerusform>%n sesiones finalizadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 expired, %2 not expired: see each session&apos;s result.</source>
        <translation>%1 finalizadas, %2 sin finalizar: vea el resultado de cada sesión.</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n sesión</numerusform>
            <numerusform>%n sesiones</numerusform>
        </translation>
    </message>
    <message>
        <source>Not expired (stopped)</source>
        <translation>Sin finalizar (detenido)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Expiring…</source>
        <translation>Finalizando…</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Finalizada</translation>
    </message>
    <message>
        <source>Not expired: %1</source>
        <translation>Sin finalizar: %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export sessions</source>
        <translation>Exportar sesiones</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportación</translation>
    </message>
    <message>
        <source>Export actions</source>
        <translation>Acciones de exportación</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Choose the file and export</source>
        <translation>Elegir el archivo y exportar</translation>
    </message>
    <message>
        <source>Close without exporting</source>
        <translation>Cerrar sin exportar</translation>
    </message>
    <message>
        <source>&amp;Cancel export</source>
        <translation>&amp;Cancelar la exportación</translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation>Cancelar la exportación</translation>
    </message>
    <message>
        <source>Stop now; the file is not written</source>
        <translation>Detener ahora; el archivo no se escribe</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <source>Back to the export options</source>
        <translation>Volver a las opciones de exportación</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>No rows are selected.</source>
        <translation>No hay filas seleccionadas.</translation>
    </message>
    <message>
        <source>No rows are loaded.</source>
        <translation>No hay filas cargadas.</translation>
    </message>
    <message>
        <source>Choose a portal first.</source>
        <translation>Elija primero un portal.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Sin conexión.</translation>
    </message>
    <message>
        <source>Export sessions to</source>
        <translation>Exportar sesiones a</translation>
    </message>
    <message>
        <source>Exporting the selected rows (%1) to %2</source>
        <translation>Exportando las filas seleccionadas (%1) a %2</translation>
    </message>
    <message>
        <source>Exporting the loaded rows (%1) to %2</source>
        <translation>Exportando las filas cargadas (%1) a %2</translation>
    </message>
    <message>
        <source>Exporting every matching session of “%1” to %2</source>
        <translation>Exportando todas las sesiones coincidentes de «%1» a %2</translation>
    </message>
</context>
<context>
    <name>ExportEnrichment</name>
    <message>
        <source>This session id cannot be a Q Apps session.</source>
        <translation>Este ID de sesión no puede ser una sesión de Q Apps.</translation>
    </message>
</context>
<context>
    <name>ExportFile</name>
    <message>
        <source>the output is not open for writing</source>
        <translation>la salida no está abierta para escritura</translation>
    </message>
    <message>
        <source>no file name was given</source>
        <translation>no se indicó ningún nombre de archivo</translation>
    </message>
    <message>
        <source>this is a folder, not a file</source>
        <translation>es una carpeta, no un archivo</translation>
    </message>
    <message>
        <source>the file is not open</source>
        <translation>el archivo no está abierto</translation>
    </message>
</context>
<context>
    <name>ExportFileChooser</name>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>ExportFormatText</name>
    <message>
        <source>CSV (spreadsheets)</source>
        <translation>CSV (hojas de cálculo)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>CSV, spreadsheet-safe</source>
        <translation>CSV, seguro para hojas de cálculo</translation>
    </message>
    <message>
        <source>CSV, exact values</source>
        <translation>CSV, valores exactos</translation>
    </message>
    <message>
        <source>JSON (one array)</source>
        <translation>JSON (una matriz)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>JSON Lines (one object per line)</source>
        <translation>JSON Lines (un objeto por línea)</translation>
    </message>
    <message>
        <source>JSON Lines files (*.jsonl)</source>
        <translation>Archivos JSON Lines (*.jsonl)</translation>
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
        <translation>Columna desconocida «%1». Columnas válidas: %2.</translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; is listed twice.</source>
        <translation>La columna «%1» aparece dos veces.</translation>
    </message>
    <message>
        <source>Choose at least one column to export.</source>
        <translation>Elija al menos una columna para exportar.</translation>
    </message>
</context>
<context>
    <name>ExportOptionsPage</name>
    <message>
        <source>Export options</source>
        <translation>Opciones de exportación</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Sessions to export</source>
        <translation>Sesiones que exportar</translation>
    </message>
    <message>
        <source>Every session that matches the portal, filters and sort</source>
        <translation>Todas las sesiones que coinciden con el portal, los filtros y el orden</translation>
    </message>
    <message>
        <source>E&amp;very session that matches the portal, filters and sort</source>
        <translation>&amp;Todas las sesiones que coinciden con el portal, los filtros y el orden</translation>
    </message>
    <message>
        <source>Fetched from the service page by page while the file is written; the table is not changed.</source>
        <translation>Se obtienen del servicio página a página mientras se escribe el archivo; la tabla no cambia.</translation>
    </message>
    <message>
        <source>Portal and filters</source>
        <translation>Portal y filtros</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Format and options</source>
        <translation>Formato y opciones</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Formato de archivo</translation>
    </message>
    <message>
        <source>&amp;UTC, e.g. %1</source>
        <translation>&amp;UTC, p. ej. %1</translation>
    </message>
    <message>
        <source>Times in UTC</source>
        <translation>Horas en UTC</translation>
    </message>
    <message>
        <source>&amp;Local time with its offset, e.g. %1</source>
        <translation>Hora &amp;local con su desfase, p. ej. %1</translation>
    </message>
    <message>
        <source>Times in local time with the offset from UTC</source>
        <translation>Horas locales con el desfase respecto a UTC</translation>
    </message>
    <message>
        <source>Start with a UTF-8 &amp;byte order mark</source>
        <translation>Empezar con una marca de orden de &amp;bytes UTF-8</translation>
    </message>
    <message>
        <source>Start the file with a UTF-8 byte order mark</source>
        <translation>Empezar el archivo con una marca de orden de bytes UTF-8</translation>
    </message>
    <message>
        <source>Some spreadsheet programs (Microsoft Excel among them) read a CSV file as UTF-8 only when it starts with this mark; without it, names with accents or other scripts can show garbled.</source>
        <translation>Algunas hojas de cálculo (entre ellas Microsoft Excel) solo leen un archivo CSV como UTF-8 si empieza con esta marca; sin ella, los nombres con tildes o en otras escrituras pueden verse ilegibles.</translation>
    </message>
    <message>
        <source>&amp;Spreadsheet-safe values</source>
        <translation>Valores &amp;seguros para hojas de cálculo</translation>
    </message>
    <message>
        <source>Spreadsheet-safe values</source>
        <translation>Valores seguros para hojas de cálculo</translation>
    </message>
    <message>
        <source>Spreadsheet programs run a cell that starts with =, +, -, @, a tab or a carriage return as a formula. A user name chosen by someone else could then run a command or send data away when the file is opened (&quot;CSV formula injection&quot;). With this on, such cells get a leading apostrophe so they show as text. Turn it off only when another program needs the exact values.</source>
        <translation>Las hojas de cálculo ejecutan como fórmula una celda que empieza por =, +, -, @, una tabulación o un retorno de carro. Un nombre de usuario elegido por otra persona podría entonces ejecutar un comando o enviar datos al abrir el archivo («CSV formula injection»). Con esta opción, esas celdas llevan un apóstrofo inicial y se muestran como texto. Desactívela solo si otro programa necesita los valores exactos.</translation>
    </message>
    <message>
        <source>F&amp;ile format:</source>
        <translation>&amp;Formato de archivo:</translation>
    </message>
    <message>
        <source>Times:</source>
        <translation>Horas:</translation>
    </message>
    <message>
        <source>CSV:</source>
        <translation>CSV:</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Columna %1</translation>
    </message>
    <message>
        <source>Column “%1” in the file</source>
        <translation>Columna «%1» del archivo</translation>
    </message>
    <message>
        <source>%1
Column “%2” in the file</source>
        <translation>%1
Columna «%2» del archivo</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <source>Columns to export</source>
        <translation>Columnas que exportar</translation>
    </message>
    <message>
        <source>Session &amp;ID</source>
        <translation>&amp;ID de sesión</translation>
    </message>
    <message>
        <source>User&amp;name</source>
        <translation>&amp;Nombre de usuario</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>Es&amp;tado</translation>
    </message>
    <message>
        <source>Start ti&amp;me</source>
        <translation>Hora de i&amp;nicio</translation>
    </message>
    <message>
        <source>En&amp;d time</source>
        <translation>Hora de &amp;fin</translation>
    </message>
    <message>
        <source>Empty while the session is active</source>
        <translation>Vacía mientras la sesión está activa</translation>
    </message>
    <message>
        <source>Portal &amp;ARN</source>
        <translation>ARN del &amp;portal</translation>
    </message>
    <message>
        <source>Duration (seconds)</source>
        <translation>Duración (segundos)</translation>
    </message>
    <message>
        <source>Whole seconds from start to end; empty while the session is active</source>
        <translation>Segundos enteros del inicio al final; vacía mientras la sesión está activa</translation>
    </message>
    <message>
        <source>Portal name</source>
        <translation>Nombre del portal</translation>
    </message>
    <message>
        <source>Looked up for each session</source>
        <translation>Consultadas para cada sesión</translation>
    </message>
    <message>
        <source>About looked-up columns</source>
        <translation>Sobre las columnas consultadas</translation>
    </message>
    <message>
        <source>Each of these needs one more request per session, so a large export takes longer.</source>
        <translation>Cada una necesita una solicitud más por sesión, así que una exportación grande tarda más.</translation>
    </message>
    <message>
        <source>&amp;Client IP addresses</source>
        <translation>Direcciones IP del &amp;cliente</translation>
    </message>
    <message>
        <source>One GetSession request per session; the addresses are joined with &apos;;&apos; in CSV</source>
        <translation>Una solicitud GetSession por sesión; en CSV, las direcciones se unen con &apos;;&apos;</translation>
    </message>
    <message>
        <source>Amazon Q Apps sharing</source>
        <translation>Uso compartido de Amazon Q Apps</translation>
    </message>
    <message>
        <source>One GetQAppSessionMetadata request per session</source>
        <translation>Una solicitud GetQAppSessionMetadata por sesión</translation>
    </message>
    <message>
        <source>Q App session</source>
        <translation>Sesión de Q App</translation>
    </message>
    <message>
        <source>%1; “present” or “none”</source>
        <translation>%1; «present» o «none»</translation>
    </message>
    <message>
        <source>Q App session name</source>
        <translation>Nombre de la sesión de Q App</translation>
    </message>
    <message>
        <source>Sharing enabled</source>
        <translation>Uso compartido activado</translation>
    </message>
    <message>
        <source>Accepts responses</source>
        <translation>Acepta respuestas</translation>
    </message>
    <message>
        <source>Reveals cards</source>
        <translation>Revela las tarjetas</translation>
    </message>
    <message>
        <source>You own the session</source>
        <translation>La sesión es suya</translation>
    </message>
    <message>
        <source>%1; whether the caller&apos;s identity owns the Q App session</source>
        <translation>%1; si la sesión de Q App pertenece a la identidad que llama</translation>
    </message>
    <message>
        <source>Why the Q App columns are unavailable</source>
        <translation>Por qué no están disponibles las columnas de Q App</translation>
    </message>
    <message>
        <source>Reading Q App sharing settings needs the ID of your Amazon Q Business instance, which is not set for this connection.</source>
        <translation>Para leer la configuración de uso compartido de Q App se necesita el ID de su instancia de Amazon Q Business, que no está establecido para esta conexión.</translation>
    </message>
    <message>
        <source>Set &amp;instance ID…</source>
        <translation>Establecer el ID de &amp;instancia…</translation>
    </message>
    <message>
        <source>Set the Amazon Q Business instance ID</source>
        <translation>Establecer el ID de instancia de Amazon Q Business</translation>
    </message>
    <message>
        <source>Default co&amp;lumns</source>
        <translation>Co&amp;lumnas predeterminadas</translation>
    </message>
    <message>
        <source>Choose the default columns</source>
        <translation>Elegir las columnas predeterminadas</translation>
    </message>
    <message>
        <source>Session ID, username, status, start time, end time and portal ARN: the fields of the session list</source>
        <translation>ID de sesión, nombre de usuario, estado, hora de inicio, hora de fin y ARN del portal: los campos de la lista de sesiones</translation>
    </message>
    <message>
        <source>&amp;Selected rows (%1)</source>
        <translation>Filas &amp;seleccionadas (%1)</translation>
    </message>
    <message>
        <source>Selected rows</source>
        <translation>Filas seleccionadas</translation>
    </message>
    <message>
        <source>&amp;Loaded rows (%1, the whole list)</source>
        <translation>Filas &amp;cargadas (%1, la lista completa)</translation>
    </message>
    <message>
        <source>&amp;Loaded rows (%1)</source>
        <translation>Filas &amp;cargadas (%1)</translation>
    </message>
    <message>
        <source>Loaded rows</source>
        <translation>Filas cargadas</translation>
    </message>
    <message>
        <source>Only the rows the table has loaded so far, in its order</source>
        <translation>Solo las filas que la tabla ha cargado hasta ahora, en su orden</translation>
    </message>
    <message>
        <source>No portal is chosen.</source>
        <translation>No hay ningún portal elegido.</translation>
    </message>
    <message>
        <source>Portal “%1”</source>
        <translation>Portal «%1»</translation>
    </message>
    <message>
        <source>any status</source>
        <translation>cualquier estado</translation>
    </message>
    <message>
        <source>active only</source>
        <translation>solo activas</translation>
    </message>
    <message>
        <source>terminated only</source>
        <translation>solo terminadas</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>usuario %1</translation>
    </message>
    <message>
        <source>session %1</source>
        <translation>sesión %1</translation>
    </message>
    <message>
        <source>newest first</source>
        <translation>más recientes primero</translation>
    </message>
    <message>
        <source>oldest first</source>
        <translation>más antiguas primero</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>Fetched from the service; the table is not changed.</source>
        <translation>Se obtienen del servicio; la tabla no cambia.</translation>
    </message>
    <message>
        <source>Portal: %1</source>
        <translation>Portal: %1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Usuario: %1</translation>
    </message>
</context>
<context>
    <name>ExportProgressPage</name>
    <message>
        <source>Export progress</source>
        <translation>Progreso de la exportación</translation>
    </message>
    <message>
        <source>What is exported</source>
        <translation>Qué se exporta</translation>
    </message>
    <message>
        <source>Sessions written</source>
        <translation>Sesiones escritas</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Velocidad</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>Tiempo transcurrido</translation>
    </message>
    <message>
        <source>Lookups</source>
        <translation>Consultas</translation>
    </message>
    <message>
        <source>GetSession and GetQAppSessionMetadata requests for the looked-up columns</source>
        <translation>Solicitudes GetSession y GetQAppSessionMetadata para las columnas consultadas</translation>
    </message>
    <message>
        <source>Sessions written:</source>
        <translation>Sesiones escritas:</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Velocidad:</translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation>Transcurrido:</translation>
    </message>
    <message>
        <source>Lookups:</source>
        <translation>Consultas:</translation>
    </message>
    <message>
        <source>Slowed down</source>
        <translation>Ralentizado</translation>
    </message>
    <message>
        <source>Slowed down: AWS is limiting requests. The export goes on with fewer requests at a time.</source>
        <translation>Ralentizado: AWS está limitando las solicitudes. La exportación sigue con menos solicitudes a la vez.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Format and columns</source>
        <translation>Formato y columnas</translation>
    </message>
    <message>
        <source>%1 · times in %2 · columns: %3</source>
        <translation>%1 · horas en %2 · columnas: %3</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>local time with offset</source>
        <translation>hora local con desfase</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>%1 sessions per second</source>
        <translation>%1 sesiones por segundo</translation>
    </message>
    <message>
        <source>%1 answered, %2 in flight</source>
        <translation>%1 respondidas, %2 en curso</translation>
    </message>
</context>
<context>
    <name>GatewayExportEnrichment</name>
    <message>
        <source>The connection was closed during the export.</source>
        <translation>La conexión se cerró durante la exportación.</translation>
    </message>
</context>
<context>
    <name>GuiCredentialPrompts</name>
    <message>
        <source>Not signed in: the MFA code was not entered.</source>
        <translation>Sin iniciar sesión: no se introdujo el código MFA.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>Atajos de &amp;teclado…</translation>
    </message>
    <message>
        <source>&amp;About SessionScope</source>
        <translation>&amp;Acerca de SessionScope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>Acerca de Qt</translation>
    </message>
</context>
<context>
    <name>InstanceMetadataProvider</name>
    <message>
        <source>The instance metadata endpoint %1 is not a URL such as http://169.254.169.254.</source>
        <translation>El punto de conexión de metadatos de instancia %1 no es una URL como http://169.254.169.254.</translation>
    </message>
    <message>
        <source>The instance metadata endpoint mode must be IPv4 or IPv6, not &quot;%1&quot;.</source>
        <translation>El modo del punto de conexión de metadatos de instancia debe ser IPv4 o IPv6, no «%1».</translation>
    </message>
    <message>
        <source>EC2 instance metadata</source>
        <translation>metadatos de instancia de EC2</translation>
    </message>
    <message>
        <source>No credentials from the EC2 instance metadata service (%1): %2</source>
        <translation>No hay credenciales del servicio de metadatos de instancia de EC2 (%1): %2</translation>
    </message>
    <message>
        <source>The EC2 instance metadata service is turned off (AWS_EC2_METADATA_DISABLED).</source>
        <translation>El servicio de metadatos de instancia de EC2 está desactivado (AWS_EC2_METADATA_DISABLED).</translation>
    </message>
    <message>
        <source>no IMDSv2 token, and IMDSv1 is turned off (ec2_metadata_v1_disabled)</source>
        <translation>no hay token de IMDSv2 e IMDSv1 está desactivado (ec2_metadata_v1_disabled)</translation>
    </message>
    <message>
        <source>the token request was refused (HTTP 400)</source>
        <translation>se rechazó la solicitud del token (HTTP 400)</translation>
    </message>
    <message>
        <source>the instance has no IAM role</source>
        <translation>la instancia no tiene ningún rol de IAM</translation>
    </message>
    <message>
        <source>it did not answer in time</source>
        <translation>no respondió a tiempo</translation>
    </message>
    <message>
        <source>it answered HTTP %1</source>
        <translation>respondió HTTP %1</translation>
    </message>
    <message>
        <source>EC2 instance role %1</source>
        <translation>rol de instancia de EC2 %1</translation>
    </message>
    <message>
        <source>The EC2 instance metadata service answered without complete credentials for the role %1.</source>
        <translation>El servicio de metadatos de instancia de EC2 respondió sin credenciales completas para el rol %1.</translation>
    </message>
</context>
<context>
    <name>KeychainAccess</name>
    <message>
        <source>no details</source>
        <translation>sin detalles</translation>
    </message>
    <message>
        <source>No keychain service is running (Secret Service over D-Bus): there is no D-Bus session bus to reach it. Run SessionScope in a desktop session, or start one with dbus-run-session and a keyring such as gnome-keyring.</source>
        <translation>No hay ningún servicio de llavero en ejecución (Secret Service sobre D-Bus): no hay bus de sesión de D-Bus para llegar a él. Ejecute SessionScope en una sesión de escritorio, o inicie una con dbus-run-session y un llavero como gnome-keyring.</translation>
    </message>
    <message>
        <source>No keychain service is running (Secret Service over D-Bus): nothing provides org.freedesktop.secrets on the session bus. Start gnome-keyring, KWallet or KeePassXC&apos;s Secret Service integration, then retry.</source>
        <translation>No hay ningún servicio de llavero en ejecución (Secret Service sobre D-Bus): nada proporciona org.freedesktop.secrets en el bus de sesión. Inicie gnome-keyring, KWallet o la integración de Secret Service de KeePassXC y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The system keychain is locked, so the secret of %1 cannot be %2. Unlock it (for example in your desktop&apos;s Passwords and Keys application, or by logging in again), then retry.</source>
        <translation>El llavero del sistema está bloqueado, así que no se puede %2 el secreto de %1. Desbloquéelo (por ejemplo, en la aplicación Contraseñas y claves de su escritorio, o volviendo a iniciar sesión) y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>read</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>guardar</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>eliminar</translation>
    </message>
    <message>
        <source>The system keychain holds no secret for %1. Enter the secret access key again in the profile&apos;s settings.</source>
        <translation>El llavero del sistema no contiene ningún secreto para %1. Introduzca de nuevo la clave de acceso secreta en la configuración del perfil.</translation>
    </message>
    <message>
        <source>Access to the system keychain was denied by the user, so the secret of %1 is not available.</source>
        <translation>El usuario denegó el acceso al llavero del sistema, así que el secreto de %1 no está disponible.</translation>
    </message>
    <message>
        <source>The system keychain denied access to the secret of %1: %2</source>
        <translation>El llavero del sistema denegó el acceso al secreto de %1: %2</translation>
    </message>
    <message>
        <source>No keychain service is available on this system: %1</source>
        <translation>No hay ningún servicio de llavero disponible en este sistema: %1</translation>
    </message>
    <message>
        <source>The system keychain is not supported on this platform.</source>
        <translation>El llavero del sistema no es compatible con esta plataforma.</translation>
    </message>
    <message>
        <source>Could not delete the secret of %1 from the system keychain: %2</source>
        <translation>No se pudo eliminar el secreto de %1 del llavero del sistema: %2</translation>
    </message>
    <message>
        <source>The system keychain failed while handling the secret of %1: %2</source>
        <translation>El llavero del sistema falló al manejar el secreto de %1: %2</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;System language</source>
        <translation>Idioma del &amp;sistema</translation>
    </message>
    <message>
        <source>SessionScope will follow the system language the next time it starts.</source>
        <translation>SessionScope usará el idioma del sistema la próxima vez que se inicie.</translation>
    </message>
    <message>
        <source>SessionScope will use %1 the next time it starts.</source>
        <extracomment>%1 is the name of a language in that language, e.g. &quot;Deutsch&quot; or &quot;日本語&quot;.</extracomment>
        <translation>SessionScope usará el idioma %1 la próxima vez que se inicie.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Idioma</translation>
    </message>
</context>
<context>
    <name>LoginCommand</name>
    <message>
        <source>There is no profile %1 in %2.</source>
        <translation>No hay ningún perfil %1 en %2.</translation>
    </message>
    <message>
        <source>Profile %1 does not use IAM Identity Center, so there is nothing to sign in to: &quot;login&quot; is for profiles with sso_session or sso_start_url.</source>
        <translation>El perfil %1 no usa IAM Identity Center, así que no hay dónde iniciar sesión: «login» es para perfiles con sso_session o sso_start_url.</translation>
    </message>
    <message>
        <source>To sign in, open this URL in a browser on any device:

%1

and check that it shows the code:

%2

(Or open %3 and enter the code.) Waiting for the approval; Ctrl-C cancels.</source>
        <translation>Para iniciar sesión, abra esta URL en un navegador en cualquier dispositivo:

%1

y compruebe que muestra el código:

%2

(O abra %3 e introduzca el código.) Esperando la aprobación; Ctrl-C cancela.</translation>
    </message>
    <message>
        <source>Signed in to IAM Identity Center with profile %1 until %2.
</source>
        <translation>Sesión iniciada en IAM Identity Center con el perfil %1 hasta %2.
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
        <translation>Sesiones y detalles</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>The portals could not be loaded. %1</source>
        <translation>No se pudieron cargar los portales. %1</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>There are no WorkSpaces Secure Browser portals in %1. Check the region of the connection.</source>
        <translation>No hay portales de WorkSpaces Secure Browser en %1. Compruebe la región de la conexión.</translation>
    </message>
    <message numerus="yes">
        <source>The service sent %n session(s) twice; each is shown once.</source>
        <translation>
            <numerusform>El servicio envió %n sesión dos veces; se muestra una sola vez.</numerusform>
            <numerusform>El servicio envió %n sesiones dos veces; cada una se muestra una sola vez.</numerusform>
        </translation>
    </message>
    <message>
        <source>SessionScope — Demo data</source>
        <translation>SessionScope — Datos de demostración</translation>
    </message>
    <message>
        <source>SessionScope — %1</source>
        <translation>SessionScope — %1</translation>
    </message>
    <message>
        <source>No sessions match these filters.</source>
        <translation>Ninguna sesión coincide con estos filtros.</translation>
    </message>
    <message>
        <source>This portal has no sessions. Terminated sessions are kept for about 35 days.</source>
        <translation>Este portal no tiene sesiones. Las sesiones terminadas se conservan unos 35 días.</translation>
    </message>
    <message>
        <source>Loading sessions…</source>
        <translation>Cargando sesiones…</translation>
    </message>
    <message>
        <source>No portal to show.</source>
        <translation>No hay ningún portal que mostrar.</translation>
    </message>
    <message>
        <source>%1 The sessions loaded so far stay in the list.</source>
        <translation>%1 Las sesiones cargadas hasta ahora siguen en la lista.</translation>
    </message>
    <message numerus="yes">
        <source>AWS is limiting requests; retrying in %n s.</source>
        <translation>
            <numerusform>AWS está limitando las solicitudes; nuevo intento en %n s.</numerusform>
            <numerusform>AWS está limitando las solicitudes; nuevo intento en %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The network did not answer; retrying in %n s.</source>
        <translation>
            <numerusform>La red no respondió; nuevo intento en %n s.</numerusform>
            <numerusform>La red no respondió; nuevo intento en %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>AWS had a temporary problem; retrying in %n s.</source>
        <translation>
            <numerusform>AWS tuvo un problema temporal; nuevo intento en %n s.</numerusform>
            <numerusform>AWS tuvo un problema temporal; nuevo intento en %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s) as tab-separated values</source>
        <translation>
            <numerusform>%n fila copiada como valores separados por tabulaciones</numerusform>
            <numerusform>%n filas copiadas como valores separados por tabulaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n session ID(s)</source>
        <translation>
            <numerusform>%n ID de sesión copiado</numerusform>
            <numerusform>%n ID de sesión copiados</numerusform>
        </translation>
    </message>
    <message>
        <source>Only active sessions can be expired; none is selected.</source>
        <translation>Solo se pueden finalizar sesiones activas; no hay ninguna seleccionada.</translation>
    </message>
    <message numerus="yes">
        <source>Expired %1 of %n session(s)</source>
        <translation>
            <numerusform>%1 de %n sesión finalizada</numerusform>
            <numerusform>%1 de %n sesiones finalizadas</numerusform>
        </translation>
    </message>
    <message>
        <source>Amazon Q Business instance ID</source>
        <translation>ID de instancia de Amazon Q Business</translation>
    </message>
    <message>
        <source>Amazon Q Business instance</source>
        <translation>Instancia de Amazon Q Business</translation>
    </message>
    <message>
        <source>The ID of the Amazon Q Business instance whose Q Apps sessions to read (for profile %1). Leave empty to turn Q App sharing off.</source>
        <translation>El ID de la instancia de Amazon Q Business cuyas sesiones de Q Apps se leen (para el perfil %1). Déjelo vacío para desactivar el uso compartido de Q App.</translation>
    </message>
    <message>
        <source>“%1” is not an Amazon Q Business instance ID (it looks like a1b2c3d4-5678-90ab-cdef-EXAMPLE11111).</source>
        <translation>«%1» no es un ID de instancia de Amazon Q Business (tiene este aspecto: a1b2c3d4-5678-90ab-cdef-EXAMPLE11111).</translation>
    </message>
    <message>
        <source>Your IAM Identity Center sign-in for profile %1 has expired.</source>
        <translation>Su inicio de sesión de IAM Identity Center para el perfil %1 ha caducado.</translation>
    </message>
    <message>
        <source>&amp;Sign in again</source>
        <translation>&amp;Volver a iniciar sesión</translation>
    </message>
</context>
<context>
    <name>MainWindowActions</name>
    <message>
        <source>&amp;Connection…</source>
        <translation>&amp;Conexión…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Load &amp;all pages</source>
        <translation>Cargar &amp;todas las páginas</translation>
    </message>
    <message>
        <source>&amp;Times in UTC</source>
        <translation>&amp;Horas en UTC</translation>
    </message>
    <message>
        <source>&amp;Copy selected rows</source>
        <translation>&amp;Copiar las filas seleccionadas</translation>
    </message>
    <message>
        <source>Copy session &amp;ID</source>
        <translation>Copiar el &amp;ID de sesión</translation>
    </message>
    <message>
        <source>&amp;Expire selected sessions…</source>
        <translation>&amp;Finalizar las sesiones seleccionadas…</translation>
    </message>
    <message>
        <source>Expire selected sessions…</source>
        <comment>toolbar button</comment>
        <translation>Finalizar sesiones…</translation>
    </message>
    <message>
        <source>Filter by &amp;username</source>
        <translation>Filtrar por &amp;nombre de usuario</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>&amp;Borrar filtros</translation>
    </message>
    <message>
        <source>Go to &amp;sessions</source>
        <translation>Ir a las &amp;sesiones</translation>
    </message>
    <message>
        <source>Go to &amp;details</source>
        <translation>Ir a los &amp;detalles</translation>
    </message>
    <message>
        <source>Choose &amp;portal</source>
        <translation>Elegir &amp;portal</translation>
    </message>
    <message>
        <source>Look up a &amp;Q App session</source>
        <translation>Buscar una sesión de &amp;Q App</translation>
    </message>
    <message>
        <source>Amazon Q &amp;Business instance…</source>
        <translation>Instancia de Amazon Q &amp;Business…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Datos de demostración</translation>
    </message>
    <message>
        <source>Connected to the built-in emulator with generated data; nothing here is real.</source>
        <translation>Conectado al emulador integrado con datos generados; nada de esto es real.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sesión</translation>
    </message>
</context>
<context>
    <name>MaxAttemptsResolver</name>
    <message>
        <source>profile %1</source>
        <translation>perfil %1</translation>
    </message>
    <message>
        <source>max_attempts (from %1) must be a whole number of at least 1, not &quot;%2&quot;.</source>
        <translation>max_attempts (de %1) debe ser un número entero de al menos 1, no «%2».</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Message severity</source>
        <translation>Gravedad del mensaje</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Texto del mensaje</translation>
    </message>
    <message>
        <source>Message action</source>
        <translation>Acción del mensaje</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Descartar el mensaje</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>MfaCodeDialog</name>
    <message>
        <source>MFA code</source>
        <translation>Código MFA</translation>
    </message>
    <message>
        <source>Profile “%1” assumes the role %2 (%3). Enter the current code of your MFA device %4.</source>
        <extracomment>%1 the profile, %2 the role&apos;s name, %3 the role&apos;s ARN, %4 the MFA device (ARN or serial number).</extracomment>
        <translation>El perfil «%1» asume el rol %2 (%3). Introduzca el código actual de su dispositivo MFA %4.</translation>
    </message>
    <message>
        <source>Six digits from the MFA device %1</source>
        <translation>Seis dígitos del dispositivo MFA %1</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 dígitos</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;Aceptar</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;MFA code:</source>
        <translation>Código &amp;MFA:</translation>
    </message>
</context>
<context>
    <name>NetworkSettings</name>
    <message>
        <source>connection settings</source>
        <translation>configuración de la conexión</translation>
    </message>
    <message>
        <source>this is not a proxy URL; write it as http://host:port.</source>
        <translation>esto no es una URL de proxy; escríbala como http://host:port.</translation>
    </message>
    <message>
        <source>proxies are reached over http:// or https://, not %1://.</source>
        <translation>a los proxies se accede por http:// o https://, no por %1://.</translation>
    </message>
    <message>
        <source>a proxy URL has no path; write it as http://host:port.</source>
        <translation>una URL de proxy no lleva ruta; escríbala como http://host:port.</translation>
    </message>
    <message>
        <source>a proxy URL has no query or fragment; write it as http://host:port.</source>
        <translation>una URL de proxy no lleva consulta ni fragmento; escríbala como http://host:port.</translation>
    </message>
    <message>
        <source>“%1” is not a number of seconds.</source>
        <translation>«%1» no es un número de segundos.</translation>
    </message>
    <message>
        <source>a timeout cannot be negative (0 means no limit).</source>
        <translation>un tiempo de espera no puede ser negativo (0 significa sin límite).</translation>
    </message>
    <message>
        <source>%1 seconds is too long; write 0 for no limit.</source>
        <translation>%1 segundos es demasiado; escriba 0 para no tener límite.</translation>
    </message>
</context>
<context>
    <name>NetworkSettingsGroupBox</name>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Exa&amp;minar…</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>As the environment says (HTTPS_PROXY, HTTP_PROXY, NO_PROXY)</source>
        <translation>Según el entorno (HTTPS_PROXY, HTTP_PROXY, NO_PROXY)</translation>
    </message>
    <message>
        <source>The system&apos;s proxy settings</source>
        <translation>La configuración de proxy del sistema</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>Sin proxy</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>HTTPS proxy</source>
        <translation>Proxy HTTPS</translation>
    </message>
    <message>
        <source>http://proxy.example.com:3128 — for https:// requests</source>
        <translation>http://proxy.example.com:3128 — para solicitudes https://</translation>
    </message>
    <message>
        <source>HTTP proxy</source>
        <translation>Proxy HTTP</translation>
    </message>
    <message>
        <source>empty: http:// requests go direct</source>
        <translation>vacío: las solicitudes http:// van directas</translation>
    </message>
    <message>
        <source>No proxy for</source>
        <translation>Sin proxy para</translation>
    </message>
    <message>
        <source>.corp.example, 10.0.0.0/8, localhost</source>
        <translation>.corp.example, 10.0.0.0/8, localhost</translation>
    </message>
    <message>
        <source>Hosts reached directly, separated by commas: names (with or without a leading dot), IP addresses, CIDR ranges, each with an optional :port; * for all.</source>
        <translation>Hosts a los que se accede directamente, separados por comas: nombres (con o sin punto inicial), direcciones IP, rangos CIDR, cada uno con un :puerto opcional; * para todos.</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>Paquete de CA</translation>
    </message>
    <message>
        <source>empty: AWS_CA_BUNDLE, the profile&apos;s ca_bundle, the system&apos;s</source>
        <translation>vacío: AWS_CA_BUNDLE, el ca_bundle del perfil, el del sistema</translation>
    </message>
    <message>
        <source>Choose the CA bundle file</source>
        <translation>Elegir el archivo del paquete de CA</translation>
    </message>
    <message>
        <source>empty: the profile&apos;s or the default; 0: no limit</source>
        <translation>vacío: el del perfil o el predeterminado; 0: sin límite</translation>
    </message>
    <message>
        <source>Connect timeout in seconds</source>
        <translation>Tiempo de espera de conexión en segundos</translation>
    </message>
    <message>
        <source>default (10)</source>
        <translation>predeterminado (10)</translation>
    </message>
    <message>
        <source>Read timeout in seconds</source>
        <translation>Tiempo de espera de lectura en segundos</translation>
    </message>
    <message>
        <source>default (60)</source>
        <translation>predeterminado (60)</translation>
    </message>
    <message>
        <source>Problem with the network settings</source>
        <translation>Problema con la configuración de red</translation>
    </message>
    <message>
        <source>Connect timeo&amp;ut (s):</source>
        <translation>&amp;Tiempo de espera de conexión (s):</translation>
    </message>
    <message>
        <source>Read ti&amp;meout (s):</source>
        <translation>Tiempo de espera &amp;de lectura (s):</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>Pro&amp;xy:</translation>
    </message>
    <message>
        <source>&amp;HTTPS proxy:</source>
        <translation>Proxy &amp;HTTPS:</translation>
    </message>
    <message>
        <source>HTTP pr&amp;oxy:</source>
        <translation>Pr&amp;oxy HTTP:</translation>
    </message>
    <message>
        <source>No proxy &amp;for:</source>
        <translation>Sin proxy par&amp;a:</translation>
    </message>
    <message>
        <source>C&amp;A bundle:</source>
        <translation>Pa&amp;quete de CA:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 a field&apos;s name (&quot;HTTPS proxy&quot;), %2 what is wrong with it</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>a manual proxy needs an HTTPS or HTTP proxy URL (or choose “No proxy”).</source>
        <translation>un proxy manual necesita una URL de proxy HTTPS o HTTP (o elija «Sin proxy»).</translation>
    </message>
    <message>
        <source>the file %1 does not exist.</source>
        <translation>el archivo %1 no existe.</translation>
    </message>
    <message>
        <source>the file %1 cannot be read.</source>
        <translation>el archivo %1 no se puede leer.</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>Tiempo de espera de conexión</translation>
    </message>
    <message>
        <source>Read timeout</source>
        <translation>Tiempo de espera de lectura</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer)</source>
        <translation>Certificados PEM (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
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
        <translation>Copiar el ID o el ARN del portal</translation>
    </message>
    <message>
        <source>Copy the portal&apos;s ID or ARN</source>
        <translation>Copiar el ID o el ARN del portal</translation>
    </message>
    <message>
        <source>Copy portal &amp;ID</source>
        <translation>Copiar el &amp;ID del portal</translation>
    </message>
    <message>
        <source>Copy portal &amp;ARN</source>
        <translation>Copiar el &amp;ARN del portal</translation>
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
        <translation>Cargando portales…</translation>
    </message>
    <message>
        <source>Portals could not be loaded</source>
        <translation>No se pudieron cargar los portales</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No portals in this region</source>
        <translation>No hay portales en esta región</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>incompleto</translation>
    </message>
    <message>
        <source>status unknown</source>
        <translation>estado desconocido</translation>
    </message>
</context>
<context>
    <name>PortalsCommand</name>
    <message>
        <source>PORTAL ID</source>
        <translation>ID DEL PORTAL</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>ESTADO</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>CREADO</translation>
    </message>
    <message>
        <source>MAX SESSIONS</source>
        <translation>SESIONES MÁX.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
</context>
<context>
    <name>ProfileCredentialsProvider</name>
    <message>
        <source>The profile &quot;%1&quot; was not found in %2.</source>
        <translation>No se encontró el perfil «%1» en %2.</translation>
    </message>
    <message>
        <source>profile %1 (%2)</source>
        <translation>perfil %1 (%2)</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; (%2) has no credentials: set aws_access_key_id and aws_secret_access_key, credential_process, role_arn with source_profile, web_identity_token_file or an IAM Identity Center sign-in (sso_session).</source>
        <translation>El perfil «%1» (%2) no tiene credenciales: defina aws_access_key_id y aws_secret_access_key, credential_process, role_arn con source_profile, web_identity_token_file o un inicio de sesión de IAM Identity Center (sso_session).</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; contains both source_profile and credential_source; keep one of them.</source>
        <translation>El perfil «%1» contiene source_profile y credential_source a la vez; conserve solo uno.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has role_arn but neither source_profile nor credential_source to assume the role with.</source>
        <translation>El perfil «%1» tiene role_arn, pero ni source_profile ni credential_source con los que asumir el rol.</translation>
    </message>
    <message>
        <source>The credential_source &quot;%1&quot; of the profile &quot;%2&quot; is not valid: use Environment, Ec2InstanceMetadata or EcsContainer.</source>
        <translation>La credential_source «%1» del perfil «%2» no es válida: use Environment, Ec2InstanceMetadata o EcsContainer.</translation>
    </message>
    <message>
        <source>The source_profile &quot;%1&quot; named in the profile &quot;%2&quot; does not exist.</source>
        <translation>El source_profile «%1» indicado en el perfil «%2» no existe.</translation>
    </message>
    <message>
        <source>The profiles&apos; source_profile settings form a loop: %1. Point one of them at a profile with credentials.</source>
        <translation>Los ajustes source_profile de los perfiles forman un bucle: %1. Haga que uno de ellos apunte a un perfil con credenciales.</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>perfil %1</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; (%2) has aws_secret_access_key but no aws_access_key_id.</source>
        <translation>El perfil «%1» (%2) tiene aws_secret_access_key, pero no aws_access_key_id.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; (%2) has aws_access_key_id but no aws_secret_access_key.</source>
        <translation>El perfil «%1» (%2) tiene aws_access_key_id, pero no aws_secret_access_key.</translation>
    </message>
</context>
<context>
    <name>ProxyAuthenticationHandler</name>
    <message>
        <source>Not connected: the proxy %1 refused the user name and password again. Check them, then connect again.</source>
        <translation>Sin conexión: el proxy %1 ha vuelto a rechazar el nombre de usuario y la contraseña. Compruébelos y vuelva a conectar.</translation>
    </message>
    <message>
        <source>Not connected: the proxy %1 needs a user name and password.</source>
        <translation>Sin conexión: el proxy %1 necesita un nombre de usuario y una contraseña.</translation>
    </message>
</context>
<context>
    <name>ProxyCredentialStore</name>
    <message>
        <source>proxy %1:%2</source>
        <translation>proxy %1:%2</translation>
    </message>
    <message>
        <source>proxy %1</source>
        <translation>proxy %1</translation>
    </message>
</context>
<context>
    <name>ProxyCredentialsDialog</name>
    <message>
        <source>&amp;Remember in the keychain</source>
        <translation>&amp;Recordar en el llavero</translation>
    </message>
    <message>
        <source>Proxy sign-in</source>
        <translation>Inicio de sesión en el proxy</translation>
    </message>
    <message>
        <source>The proxy %1 did not accept the user name and password. Enter them again.</source>
        <extracomment>%1 the proxy&apos;s host and port (&quot;proxy.corp.example:3128&quot;)</extracomment>
        <translation>El proxy %1 no aceptó el nombre de usuario y la contraseña. Vuelva a introducirlos.</translation>
    </message>
    <message>
        <source>The proxy %1 needs a user name and password before SessionScope can reach AWS.</source>
        <translation>El proxy %1 necesita un nombre de usuario y una contraseña para que SessionScope pueda acceder a AWS.</translation>
    </message>
    <message>
        <source>Proxy user name</source>
        <translation>Nombre de usuario del proxy</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>Contraseña del proxy</translation>
    </message>
    <message>
        <source>Remember in the keychain</source>
        <translation>Recordar en el llavero</translation>
    </message>
    <message>
        <source>Keep the user name and password in the system keychain for the next time this proxy asks.</source>
        <translation>Guardar el nombre de usuario y la contraseña en el llavero del sistema para la próxima vez que este proxy los pida.</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;Aceptar</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
</context>
<context>
    <name>ProxySettings</name>
    <message>
        <source>The proxy &quot;%1&quot;%2 is not a URL with a host, such as http://proxy.example.com:3128.</source>
        <extracomment>%1 the proxy URL (without its password), %2 where it was set, e.g. &quot; (HTTPS_PROXY)&quot;</extracomment>
        <translation>El proxy «%1»%2 no es una URL con host, como http://proxy.example.com:3128.</translation>
    </message>
    <message>
        <source>The proxy &quot;%1&quot;%2 is reached over https, which SessionScope cannot do; use http://, through which https requests are still encrypted end to end.</source>
        <translation>Al proxy «%1»%2 se accede por https, algo que SessionScope no sabe hacer; use http://, a través del cual las solicitudes https siguen cifradas de extremo a extremo.</translation>
    </message>
    <message>
        <source>The proxy &quot;%1&quot;%2 has the scheme &quot;%3&quot;; SessionScope speaks to http:// and socks5:// proxies.</source>
        <translation>El proxy «%1»%2 tiene el esquema «%3»; SessionScope se comunica con proxies http:// y socks5://.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>the system&apos;s proxy settings</source>
        <translation>la configuración de proxy del sistema</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>directo</translation>
    </message>
    <message>
        <source>https: %1, http: %2</source>
        <extracomment>%1 the proxy of https requests, %2 the one of http requests (a URL or &quot;direct&quot;)</extracomment>
        <translation>https: %1, http: %2</translation>
    </message>
    <message>
        <source>; not for: %1</source>
        <extracomment>%1 the NO_PROXY entries, comma-separated</extracomment>
        <translation>; excepto para: %1</translation>
    </message>
</context>
<context>
    <name>ProxyTunnelProbe</name>
    <message>
        <source>no answer in time</source>
        <translation>sin respuesta a tiempo</translation>
    </message>
</context>
<context>
    <name>QAppSharingSection</name>
    <message>
        <source>Not set</source>
        <translation>Sin establecer</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin establecer</translation>
    </message>
    <message>
        <source>Q App sharing</source>
        <translation>Uso compartido de Q App</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>Q App session name</source>
        <translation>Nombre de la sesión de Q App</translation>
    </message>
    <message>
        <source>Q App session ARN</source>
        <translation>ARN de la sesión de Q App</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Uso compartido</translation>
    </message>
    <message>
        <source>Accepts responses</source>
        <translation>Acepta respuestas</translation>
    </message>
    <message>
        <source>Reveals cards</source>
        <translation>Revela las tarjetas</translation>
    </message>
    <message>
        <source>Owned by you</source>
        <translation>De su propiedad</translation>
    </message>
    <message>
        <source>Q App session ID to look up</source>
        <translation>ID de la sesión de Q App que buscar</translation>
    </message>
    <message>
        <source>Any Q App session ID</source>
        <translation>Cualquier ID de sesión de Q App</translation>
    </message>
    <message>
        <source>Look up Q App session</source>
        <translation>Buscar sesión de Q App</translation>
    </message>
    <message>
        <source>Q App session shown</source>
        <translation>Sesión de Q App mostrada</translation>
    </message>
    <message>
        <source>Session name:</source>
        <translation>Nombre de la sesión:</translation>
    </message>
    <message>
        <source>Session ARN:</source>
        <translation>ARN de la sesión:</translation>
    </message>
    <message>
        <source>Sharing:</source>
        <translation>Uso compartido:</translation>
    </message>
    <message>
        <source>Accepts responses:</source>
        <translation>Acepta respuestas:</translation>
    </message>
    <message>
        <source>Reveals cards:</source>
        <translation>Revela las tarjetas:</translation>
    </message>
    <message>
        <source>Owned by you:</source>
        <translation>De su propiedad:</translation>
    </message>
    <message>
        <source>Q App session %1</source>
        <translation>Sesión de Q App %1</translation>
    </message>
    <message>
        <source>Select a session, or type a Q App session ID above.</source>
        <translation>Seleccione una sesión o escriba arriba un ID de sesión de Q App.</translation>
    </message>
    <message>
        <source>Not configured: reading Q App sharing settings needs the ID of your Amazon Q Business instance.</source>
        <translation>Sin configurar: para leer la configuración de uso compartido de Q App se necesita el ID de su instancia de Amazon Q Business.</translation>
    </message>
    <message>
        <source>No Q App session can have this ID: Q App session IDs are lower-case UUIDs.</source>
        <translation>Ninguna sesión de Q App puede tener este ID: los ID de sesión de Q App son UUID en minúsculas.</translation>
    </message>
    <message>
        <source>Loading the Q App session…</source>
        <translation>Cargando la sesión de Q App…</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>On: the session is shared</source>
        <translation>Activado: la sesión se comparte</translation>
    </message>
    <message>
        <source>Off: not shared</source>
        <translation>Desactivado: no se comparte</translation>
    </message>
    <message>
        <source>On: accepts responses</source>
        <translation>Activado: acepta respuestas</translation>
    </message>
    <message>
        <source>Off: does not accept responses</source>
        <translation>Desactivado: no acepta respuestas</translation>
    </message>
    <message>
        <source>On: reveals cards</source>
        <translation>Activado: revela las tarjetas</translation>
    </message>
    <message>
        <source>Off: does not reveal cards</source>
        <translation>Desactivado: no revela las tarjetas</translation>
    </message>
    <message>
        <source>Yes, you own this session</source>
        <translation>Sí, esta sesión es suya</translation>
    </message>
    <message>
        <source>No, another user owns this session</source>
        <translation>No, esta sesión es de otro usuario</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>No informado</translation>
    </message>
    <message>
        <source>No Q App session with this ID in Amazon Q Business instance %1.</source>
        <translation>No hay ninguna sesión de Q App con este ID en la instancia de Amazon Q Business %1.</translation>
    </message>
    <message>
        <source>Set i&amp;nstance ID…</source>
        <translation>Establecer el ID de &amp;instancia…</translation>
    </message>
    <message>
        <source>Change i&amp;nstance ID…</source>
        <translation>Cambiar el ID de &amp;instancia…</translation>
    </message>
</context>
<context>
    <name>QAppsClient</name>
    <message>
        <source>The Amazon Q Business instance id &quot;%1&quot; is not valid: it must be 1 to 256 visible ASCII characters.</source>
        <translation>El ID de instancia de Amazon Q Business «%1» no es válido: debe tener de 1 a 256 caracteres ASCII visibles.</translation>
    </message>
    <message>
        <source>The Q Apps session id &quot;%1&quot; is not valid: it must be a lower-case UUID version 4 (xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx).</source>
        <translation>El ID de sesión de Q Apps «%1» no es válido: debe ser un UUID versión 4 en minúsculas (xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx).</translation>
    </message>
    <message>
        <source>The session name is longer than 100 characters (it has %1).</source>
        <translation>El nombre de la sesión tiene más de 100 caracteres (tiene %1).</translation>
    </message>
</context>
<context>
    <name>RegionResolver</name>
    <message>
        <source>profile %1</source>
        <translation>perfil %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (from %2) is an Availability Zone, not a region; use &quot;%3&quot;.</source>
        <translation>«%1» (de %2) es una zona de disponibilidad, no una región; use «%3».</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (from %2) is not an AWS region name such as us-east-1 or eu-west-1.</source>
        <translation>«%1» (de %2) no es un nombre de región de AWS como us-east-1 o eu-west-1.</translation>
    </message>
    <message>
        <source>No AWS region is set. Choose one with --region, set AWS_REGION, or add &quot;region = us-east-1&quot; to profile %1 in %2 (for example: aws configure set region us-east-1 --profile %1).</source>
        <translation>No hay ninguna región de AWS establecida. Elija una con --region, defina AWS_REGION o añada «region = us-east-1» al perfil %1 en %2 (por ejemplo: aws configure set region us-east-1 --profile %1).</translation>
    </message>
</context>
<context>
    <name>RetryModeResolver</name>
    <message>
        <source>profile %1</source>
        <translation>perfil %1</translation>
    </message>
    <message>
        <source>retry_mode (from %1) must be legacy, standard or adaptive, not &quot;%2&quot;.</source>
        <extracomment>%1 where the value came from (AWS_RETRY_MODE, &quot;profile dev&quot;), %2 the value.</extracomment>
        <translation>retry_mode (de %1) debe ser legacy, standard o adaptive, no «%2».</translation>
    </message>
</context>
<context>
    <name>SectionStatePanel</name>
    <message>
        <source>Section state</source>
        <translation>Estado de la sección</translation>
    </message>
    <message>
        <source>State icon</source>
        <translation>Icono de estado</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Cargando</translation>
    </message>
    <message>
        <source>Section action</source>
        <translation>Acción de la sección</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Sin conexión.</translation>
    </message>
</context>
<context>
    <name>ServiceGateway</name>
    <message>
        <source>This connection cannot ask AWS who its credentials belong to.</source>
        <translation>Esta conexión no puede preguntar a AWS a quién pertenecen sus credenciales.</translation>
    </message>
</context>
<context>
    <name>SessionCommand</name>
    <message>
        <source>FIELD</source>
        <translation>CAMPO</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>VALOR</translation>
    </message>
</context>
<context>
    <name>SessionDetailPane</name>
    <message>
        <source>Session details</source>
        <translation>Detalles de la sesión</translation>
    </message>
    <message>
        <source>No session selected</source>
        <translation>Ninguna sesión seleccionada</translation>
    </message>
    <message>
        <source>Select a session to see its details, client IP addresses and Q App sharing settings.</source>
        <translation>Seleccione una sesión para ver sus detalles, las direcciones IP del cliente y la configuración de uso compartido de Q App.</translation>
    </message>
</context>
<context>
    <name>SessionExporter</name>
    <message>
        <source>Choose a portal to export its sessions.</source>
        <translation>Elija un portal para exportar sus sesiones.</translation>
    </message>
    <message>
        <source>The client IP address column needs a connection to WorkSpaces Web.</source>
        <translation>La columna de direcciones IP del cliente necesita una conexión a WorkSpaces Web.</translation>
    </message>
    <message>
        <source>The Q App sharing columns need an Amazon Q Business instance id. Set it in the connection settings (or with --instance-id).</source>
        <translation>Las columnas de uso compartido de Q App necesitan un ID de instancia de Amazon Q Business. Establézcalo en la configuración de la conexión (o con --instance-id).</translation>
    </message>
    <message>
        <source>The service sent a page token it had already sent for this list; the export stopped to avoid an endless loop.</source>
        <translation>El servicio envió un token de página que ya había enviado para esta lista; la exportación se detuvo para evitar un bucle infinito.</translation>
    </message>
    <message>
        <source>The service sent %1 pages in a row without a new session; the export stopped.</source>
        <translation>El servicio envió %1 páginas seguidas sin ninguna sesión nueva; la exportación se detuvo.</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>Se canceló la exportación.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n session(s) to %1.</source>
        <translation>
            <numerusform>%n sesión exportada a %1.</numerusform>
            <numerusform>%n sesiones exportadas a %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The export was cancelled after %n session(s); no file was written.</source>
        <translation>
            <numerusform>Se canceló la exportación después de %n sesión; no se escribió ningún archivo.</numerusform>
            <numerusform>Se canceló la exportación después de %n sesiones; no se escribió ningún archivo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The export failed after %n session(s): %1 No file was written.</source>
        <translation>
            <numerusform>La exportación falló después de %n sesión: %1 No se escribió ningún archivo.</numerusform>
            <numerusform>La exportación falló después de %n sesiones: %1 No se escribió ningún archivo.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionFilterBar</name>
    <message>
        <source>Session filters</source>
        <translation>Filtros de sesión</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtro de estado</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>Username filter</source>
        <translation>Filtro de nombre de usuario</translation>
    </message>
    <message>
        <source>Exact username (Ctrl+F)</source>
        <translation>Nombre de usuario exacto (Ctrl+F)</translation>
    </message>
    <message>
        <source>Shows only the sessions of this user. The service matches the whole username exactly.</source>
        <translation>Muestra solo las sesiones de este usuario. El servicio compara el nombre de usuario completo de forma exacta.</translation>
    </message>
    <message>
        <source>Session &amp;ID:</source>
        <translation>&amp;ID de sesión:</translation>
    </message>
    <message>
        <source>Session ID lookup</source>
        <translation>Búsqueda por ID de sesión</translation>
    </message>
    <message>
        <source>Look up one session</source>
        <translation>Buscar una sesión</translation>
    </message>
    <message>
        <source>Session ID problem</source>
        <translation>Problema con el ID de sesión</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Borrar filtros</translation>
    </message>
    <message>
        <source>Show all sessions of the portal</source>
        <translation>Mostrar todas las sesiones del portal</translation>
    </message>
    <message>
        <source>A session ID is 36 letters, digits or dashes</source>
        <translation>Un ID de sesión tiene 36 letras, dígitos o guiones</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>&amp;Estado:</translation>
    </message>
</context>
<context>
    <name>SessionListLister</name>
    <message>
        <source>Invalid page token.</source>
        <translation>Token de página no válido.</translation>
    </message>
</context>
<context>
    <name>SessionStatusLine</name>
    <message>
        <source>Load &amp;all</source>
        <translation>Cargar &amp;todo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Session list status</source>
        <translation>Estado de la lista de sesiones</translation>
    </message>
    <message>
        <source>Sessions loaded</source>
        <translation>Sesiones cargadas</translation>
    </message>
    <message>
        <source>Loading sessions</source>
        <translation>Cargando sesiones</translation>
    </message>
    <message>
        <source>Load all sessions</source>
        <translation>Cargar todas las sesiones</translation>
    </message>
    <message>
        <source>Load every page of this list (needed to sort by columns other than Start time)</source>
        <translation>Cargar todas las páginas de esta lista (necesario para ordenar por columnas distintas de la hora de inicio)</translation>
    </message>
    <message>
        <source>Cancel loading all sessions</source>
        <translation>Cancelar la carga de todas las sesiones</translation>
    </message>
    <message>
        <source>No portal selected</source>
        <translation>Ningún portal seleccionado</translation>
    </message>
    <message>
        <source>Sessions loaded: %L1</source>
        <translation>Sesiones cargadas: %L1</translation>
    </message>
    <message>
        <source>%1 — loading all…</source>
        <translation>%1 — cargando todo…</translation>
    </message>
    <message>
        <source>%1 — loading more…</source>
        <translation>%1 — cargando más…</translation>
    </message>
    <message>
        <source>%1 — more available</source>
        <translation>%1 — hay más disponibles</translation>
    </message>
    <message>
        <source>%1 — all loaded</source>
        <translation>%1 — todo cargado</translation>
    </message>
</context>
<context>
    <name>SessionSummary</name>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
</context>
<context>
    <name>SessionSummarySection</name>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>ID de sesión</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Hora de inicio</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Hora de fin</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Portal ARN</source>
        <translation>ARN del portal</translation>
    </message>
    <message>
        <source>Session ID:</source>
        <translation>ID de sesión:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Nombre de usuario:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Start time:</source>
        <translation>Hora de inicio:</translation>
    </message>
    <message>
        <source>End time:</source>
        <translation>Hora de fin:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Duración:</translation>
    </message>
    <message>
        <source>Portal ARN:</source>
        <translation>ARN del portal:</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>No informado</translation>
    </message>
    <message>
        <source>Still running</source>
        <translation>Todavía en curso</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message numerus="yes">
        <source>The service sent a page token it had already sent for this list, so loading stopped to avoid an endless loop (%n session(s) loaded).</source>
        <translation>
            <numerusform>El servicio envió un token de página que ya había enviado para esta lista, así que la carga se detuvo para evitar un bucle infinito (%n sesión cargada).</numerusform>
            <numerusform>El servicio envió un token de página que ya había enviado para esta lista, así que la carga se detuvo para evitar un bucle infinito (%n sesiones cargadas).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The service sent %1 pages in a row without a new session, so loading stopped (%n session(s) loaded).</source>
        <translation>
            <numerusform>El servicio envió %1 páginas seguidas sin ninguna sesión nueva, así que la carga se detuvo (%n sesión cargada).</numerusform>
            <numerusform>El servicio envió %1 páginas seguidas sin ninguna sesión nueva, así que la carga se detuvo (%n sesiones cargadas).</numerusform>
        </translation>
    </message>
    <message>
        <source>Still active</source>
        <translation>Todavía activa</translation>
    </message>
    <message>
        <source>%1 s so far, since %2</source>
        <translation>%1 s hasta ahora, desde %2</translation>
    </message>
    <message>
        <source>%1 s, from %2 to %3</source>
        <translation>%1 s, de %2 a %3</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>ID de sesión</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Start time (UTC)</source>
        <translation>Hora de inicio (UTC)</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Hora de inicio</translation>
    </message>
    <message>
        <source>End time (UTC)</source>
        <translation>Hora de fin (UTC)</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Hora de fin</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Sorted by the service. Times in UTC.</source>
        <translation>Ordenado por el servicio. Horas en UTC.</translation>
    </message>
    <message>
        <source>Sorted by the service. Times in local time (%1).</source>
        <translation>Ordenado por el servicio. Horas en hora local (%1).</translation>
    </message>
    <message>
        <source>Times in UTC.</source>
        <translation>Horas en UTC.</translation>
    </message>
    <message>
        <source>Times in local time (%1).</source>
        <translation>Horas en hora local (%1).</translation>
    </message>
    <message>
        <source>Sortable once every page is loaded.</source>
        <translation>Se puede ordenar cuando todas las páginas estén cargadas.</translation>
    </message>
    <message numerus="yes">
        <source>Sorting by %1 needs every page loaded (%n session(s) loaded so far). Load all pages first; start time can always be sorted.</source>
        <translation>
            <numerusform>Para ordenar por %1 deben estar cargadas todas las páginas (%n sesión cargada hasta ahora). Cargue antes todas las páginas; la hora de inicio siempre se puede ordenar.</numerusform>
            <numerusform>Para ordenar por %1 deben estar cargadas todas las páginas (%n sesiones cargadas hasta ahora). Cargue antes todas las páginas; la hora de inicio siempre se puede ordenar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionTableView</name>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Session rows</source>
        <translation>Filas de sesiones</translation>
    </message>
    <message>
        <source>Session columns</source>
        <translation>Columnas de sesiones</translation>
    </message>
    <message>
        <source>Sort &amp;by</source>
        <translation>&amp;Ordenar por</translation>
    </message>
    <message>
        <source>Session &amp;ID</source>
        <translation>&amp;ID de sesión</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>Nombre de &amp;usuario</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Estado</translation>
    </message>
    <message>
        <source>Start &amp;time</source>
        <translation>&amp;Hora de inicio</translation>
    </message>
    <message>
        <source>&amp;End time</source>
        <translation>Hora de &amp;fin</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>&amp;Duración</translation>
    </message>
</context>
<context>
    <name>SessionWriter</name>
    <message>
        <source>the output is not open for writing</source>
        <translation>la salida no está abierta para escritura</translation>
    </message>
    <message>
        <source>the write failed</source>
        <translation>la escritura falló</translation>
    </message>
</context>
<context>
    <name>SessionsCommand</name>
    <message>
        <source>--format table writes to the terminal; use csv, json or jsonl with --output</source>
        <translation>--format table escribe en el terminal; use csv, json o jsonl con --output</translation>
    </message>
    <message>
        <source>could not start the export</source>
        <translation>no se pudo iniciar la exportación</translation>
    </message>
    <message numerus="yes">
        <source>after %n session(s) were written</source>
        <translation>
            <numerusform>después de escribir %n sesión</numerusform>
            <numerusform>después de escribir %n sesiones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>after %n session(s); no file was written</source>
        <translation>
            <numerusform>después de %n sesión; no se escribió ningún archivo</numerusform>
            <numerusform>después de %n sesiones; no se escribió ningún archivo</numerusform>
        </translation>
    </message>
    <message>
        <source>error: %1 (%2)</source>
        <extracomment>%1 is the error, %2 what became of the output (&quot;after 5 sessions were written&quot;).</extracomment>
        <translation>error: %1 (%2)</translation>
    </message>
    <message>
        <source>%1, %2, %3 s, %4 sessions/s</source>
        <extracomment>Progress on the terminal: %1 sessions written, %2 pages fetched, %3 seconds, %4 sessions per second.</extracomment>
        <translation>%1, %2, %3 s, %4 sesiones/s</translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln sesión</numerusform>
            <numerusform>%Ln sesiones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s)</source>
        <translation>
            <numerusform>%Ln página</numerusform>
            <numerusform>%Ln páginas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln lookup(s)</source>
        <translation>
            <numerusform>, %Ln consulta</numerusform>
            <numerusform>, %Ln consultas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%Ln throttled, slowed down)</source>
        <translation>
            <numerusform> (%Ln limitada, ritmo reducido)</numerusform>
            <numerusform> (%Ln limitadas, ritmo reducido)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SharedConfig</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 y %2</translation>
    </message>
</context>
<context>
    <name>SharedConfigFile</name>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1, línea %2: %3</translation>
    </message>
    <message>
        <source>expected an indented &quot;key = value&quot; setting under &quot;%1&quot;.</source>
        <translation>se esperaba un ajuste «key = value» con sangría bajo «%1».</translation>
    </message>
    <message>
        <source>a section header is missing its closing &quot;]&quot;.</source>
        <translation>a un encabezado de sección le falta el «]» de cierre.</translation>
    </message>
    <message>
        <source>unexpected text after the section header.</source>
        <translation>texto inesperado después del encabezado de sección.</translation>
    </message>
    <message>
        <source>the section header has no name.</source>
        <translation>el encabezado de sección no tiene nombre.</translation>
    </message>
    <message>
        <source>a setting appears before the first [section] header.</source>
        <translation>hay un ajuste antes del primer encabezado [sección].</translation>
    </message>
    <message>
        <source>expected &quot;key = value&quot;, a [section] header or a comment.</source>
        <translation>se esperaba «key = value», un encabezado [sección] o un comentario.</translation>
    </message>
    <message>
        <source>a setting has no name before &quot;=&quot;.</source>
        <translation>un ajuste no tiene nombre antes de «=».</translation>
    </message>
    <message>
        <source>%1 is a folder, not an AWS configuration file.</source>
        <translation>%1 es una carpeta, no un archivo de configuración de AWS.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>No se pudo leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is too large to be an AWS configuration file.</source>
        <translation>%1 es demasiado grande para ser un archivo de configuración de AWS.</translation>
    </message>
</context>
<context>
    <name>SharingCommand</name>
    <message>
        <source>not set</source>
        <translation>sin establecer</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>FIELD</source>
        <translation>CAMPO</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>VALOR</translation>
    </message>
    <message>
        <source>sharing enabled</source>
        <translation>uso compartido activado</translation>
    </message>
    <message>
        <source>accepts responses</source>
        <translation>acepta respuestas</translation>
    </message>
    <message>
        <source>reveals cards</source>
        <translation>revela las tarjetas</translation>
    </message>
    <message>
        <source>you own it</source>
        <translation>es suya</translation>
    </message>
</context>
<context>
    <name>ShortcutCatalog</name>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <source>when %1 has the focus</source>
        <translation>cuando %1 tiene el foco</translation>
    </message>
    <message>
        <source>%1, then %2</source>
        <translation>%1, luego %2</translation>
    </message>
    <message>
        <source>%1 menu</source>
        <translation>Menú %1</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>Open the %1 menu</source>
        <translation>Abrir el menú %1</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>Barra de menús</translation>
    </message>
    <message>
        <source>Anywhere in the window</source>
        <translation>En cualquier lugar de la ventana</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>Ir a %1</translation>
    </message>
    <message>
        <source>Go to the next control</source>
        <translation>Ir al control siguiente</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>En cualquier lugar</translation>
    </message>
    <message>
        <source>Go to the previous control</source>
        <translation>Ir al control anterior</translation>
    </message>
    <message>
        <source>Press the focused button or tick the focused box</source>
        <translation>Pulsar el botón o marcar la casilla que tiene el foco</translation>
    </message>
    <message>
        <source>Move through a list (the session list loads more at its end)</source>
        <translation>Moverse por una lista (la lista de sesiones carga más al llegar al final)</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Listas</translation>
    </message>
    <message>
        <source>Select several sessions</source>
        <translation>Seleccionar varias sesiones</translation>
    </message>
    <message>
        <source>Session list</source>
        <translation>Lista de sesiones</translation>
    </message>
    <message>
        <source>Close a dialog, menu or drop-down list</source>
        <translation>Cerrar un cuadro de diálogo, un menú o una lista desplegable</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>Search shortcuts</source>
        <translation>Buscar atajos</translation>
    </message>
    <message>
        <source>A command, a key or a menu, e.g. “copy” or “Ctrl”</source>
        <translation>Un comando, una tecla o un menú, p. ej. «copiar» o «Ctrl»</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>No matching shortcut</source>
        <translation>Ningún atajo coincide</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>No shortcut; reach it through the menu: %1</source>
        <translation>Sin atajo; se accede desde el menú: %1</translation>
    </message>
    <message>
        <source>No command, key or place matches “%1”.</source>
        <translation>Ningún comando, tecla ni lugar coincide con «%1».</translation>
    </message>
</context>
<context>
    <name>SsoCredentialsProvider</name>
    <message>
        <source>The IAM Identity Center sign-in for profile %1 has expired. Sign in again: sessionscope-cli login --profile %1 (or aws sso login --profile %1).</source>
        <translation>El inicio de sesión de IAM Identity Center del perfil %1 ha caducado. Vuelva a iniciar sesión: sessionscope-cli login --profile %1 (o aws sso login --profile %1).</translation>
    </message>
    <message>
        <source>IAM Identity Center profile %1</source>
        <translation>perfil de IAM Identity Center %1</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; is configured to use SSO but is missing required configuration: %2</source>
        <translation>El perfil «%1» está configurado para usar SSO, pero le falta configuración obligatoria: %2</translation>
    </message>
</context>
<context>
    <name>SsoDeviceLogin</name>
    <message>
        <source>The IAM Identity Center sign-in was cancelled.</source>
        <translation>Se canceló el inicio de sesión de IAM Identity Center.</translation>
    </message>
    <message>
        <source>The sign-in code expired before it was approved. Start the sign-in again.</source>
        <translation>El código de inicio de sesión caducó antes de aprobarse. Vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>The IAM Identity Center sign-in was refused.</source>
        <translation>Se rechazó el inicio de sesión de IAM Identity Center.</translation>
    </message>
</context>
<context>
    <name>SsoOidcClient</name>
    <message>
        <source>IAM Identity Center answered %1 with something other than a JSON object.</source>
        <translation>IAM Identity Center respondió a %1 con algo que no es un objeto JSON.</translation>
    </message>
    <message>
        <source>IAM Identity Center answered %1 without a valid &quot;%2&quot;.</source>
        <translation>IAM Identity Center respondió a %1 sin un «%2» válido.</translation>
    </message>
</context>
<context>
    <name>SsoPortalClient</name>
    <message>
        <source>IAM Identity Center answered GetRoleCredentials without a valid &quot;%1&quot;.</source>
        <translation>IAM Identity Center respondió a GetRoleCredentials sin un «%1» válido.</translation>
    </message>
</context>
<context>
    <name>SsoProfile</name>
    <message>
        <source>The config profile (%1) could not be found in %2.</source>
        <translation>No se encontró el perfil de configuración (%1) en %2.</translation>
    </message>
    <message>
        <source>The specified sso-session does not exist: &quot;%1&quot; (profile %2 names it; add an [sso-session %1] section to %3).</source>
        <translation>La sso-session indicada no existe: «%1» (el perfil %2 la nombra; añada una sección [sso-session %1] a %3).</translation>
    </message>
    <message>
        <source>The value for %1 is inconsistent between profile (%2) and sso-session (%3).</source>
        <translation>El valor de %1 no coincide entre el perfil (%2) y la sso-session (%3).</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; is not configured for IAM Identity Center: it has neither sso_session nor sso_start_url.</source>
        <translation>El perfil «%1» no está configurado para IAM Identity Center: no tiene ni sso_session ni sso_start_url.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; is configured to use SSO but is missing required configuration: %2</source>
        <translation>El perfil «%1» está configurado para usar SSO, pero le falta configuración obligatoria: %2</translation>
    </message>
    <message>
        <source>The sso_region &quot;%1&quot; of profile &quot;%2&quot; is not a region name such as us-east-1.</source>
        <translation>La sso_region «%1» del perfil «%2» no es un nombre de región como us-east-1.</translation>
    </message>
</context>
<context>
    <name>SsoRegistrationCache</name>
    <message>
        <source>The IAM Identity Center client registration file %1 is not a registration.</source>
        <translation>El archivo de registro de cliente de IAM Identity Center %1 no es un registro.</translation>
    </message>
</context>
<context>
    <name>SsoSignInDialog</name>
    <message>
        <source>Cop&amp;y code</source>
        <translation>Cop&amp;iar código</translation>
    </message>
    <message>
        <source>&amp;Open the sign-in page again</source>
        <translation>&amp;Volver a abrir la página de inicio de sesión</translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation>Copiar &amp;enlace</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Sign in to IAM Identity Center</source>
        <translation>Iniciar sesión en IAM Identity Center</translation>
    </message>
    <message>
        <source>Signing in profile “%1” to IAM Identity Center.</source>
        <extracomment>%1 the profile, %2 the AWS access portal URL</extracomment>
        <translation>Iniciando sesión con el perfil «%1» en IAM Identity Center.</translation>
    </message>
    <message>
        <source>Signing in profile “%1” to IAM Identity Center at %2.</source>
        <translation>Iniciando sesión con el perfil «%1» en IAM Identity Center en %2.</translation>
    </message>
    <message>
        <source>Code to confirm</source>
        <translation>Código que se debe confirmar</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copiar código</translation>
    </message>
    <message>
        <source>Open the sign-in page again</source>
        <translation>Volver a abrir la página de inicio de sesión</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copiar enlace</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>Estado del inicio de sesión</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Asking IAM Identity Center for a sign-in code…</source>
        <translation>Pidiendo un código de inicio de sesión a IAM Identity Center…</translation>
    </message>
    <message>
        <source>Your browser shows the sign-in page. Check that it shows this code, sign in and allow access. If no page opened, go to %1 and enter the code.</source>
        <extracomment>%1 the verification page (without the code), e.g. https://device.sso.us-east-1.amazonaws.com/</extracomment>
        <translation>El navegador muestra la página de inicio de sesión. Compruebe que muestra este código, inicie sesión y permita el acceso. Si no se abrió ninguna página, vaya a %1 e introduzca el código.</translation>
    </message>
    <message>
        <source>Waiting for you to allow access in the browser…</source>
        <translation>Esperando a que permita el acceso en el navegador…</translation>
    </message>
    <message>
        <source>Waiting for you to allow access in the browser (the code works until %1)…</source>
        <translation>Esperando a que permita el acceso en el navegador (el código es válido hasta %1)…</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Sesión iniciada.</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>Sin iniciar sesión: %1</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Ce&amp;rrar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>The browser could not be opened. Copy the link and open it yourself, or go to %1 and enter the code.</source>
        <translation>No se pudo abrir el navegador. Copie el enlace y ábralo usted mismo, o vaya a %1 e introduzca el código.</translation>
    </message>
</context>
<context>
    <name>SsoTokenCache</name>
    <message>
        <source>The IAM Identity Center token cache file %1 has no valid &quot;%2&quot;. Sign in again to replace it.</source>
        <translation>El archivo de caché de tokens de IAM Identity Center %1 no tiene un «%2» válido. Vuelva a iniciar sesión para sustituirlo.</translation>
    </message>
</context>
<context>
    <name>StaticCredentialsProvider</name>
    <message>
        <source>The access key id or the secret access key is empty.</source>
        <translation>El ID de clave de acceso o la clave de acceso secreta están vacíos.</translation>
    </message>
</context>
<context>
    <name>StsClient</name>
    <message>
        <source>STS answered GetCallerIdentity without an Arn.</source>
        <translation>STS respondió a GetCallerIdentity sin un Arn.</translation>
    </message>
    <message>
        <source>STS answered %1 with something that is not its XML answer.</source>
        <translation>STS respondió a %1 con algo que no es su respuesta XML.</translation>
    </message>
    <message>
        <source>STS answered %1 without complete credentials (access key id, secret, session token and expiration).</source>
        <translation>STS respondió a %1 sin credenciales completas (ID de clave de acceso, secreto, token de sesión y caducidad).</translation>
    </message>
</context>
<context>
    <name>TableSessionWriter</name>
    <message>
        <source>SESSION ID</source>
        <translation>ID DE SESIÓN</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>ESTADO</translation>
    </message>
    <message>
        <source>START</source>
        <translation>INICIO</translation>
    </message>
    <message>
        <source>END</source>
        <translation>FIN</translation>
    </message>
    <message>
        <source>USERNAME</source>
        <translation>USUARIO</translation>
    </message>
</context>
<context>
    <name>TerminalPrompts</name>
    <message>
        <source>Not signed in: the MFA code was not entered.</source>
        <translation>Sin iniciar sesión: no se introdujo el código MFA.</translation>
    </message>
    <message>
        <source>Profile %1 needs a code from the MFA device %2, but %3 Run the command once from a terminal (the role&apos;s credentials are then cached in ~/.aws/cli/cache and reused until they expire), or use a profile without mfa_serial.</source>
        <extracomment>%1 the profile, %2 the MFA device, %3 why no one can be asked (a sentence).</extracomment>
        <translation>El perfil %1 necesita un código del dispositivo MFA %2, pero %3 Ejecute el comando una vez desde un terminal (las credenciales del rol se guardan entonces en la caché ~/.aws/cli/cache y se reutilizan hasta que caducan) o use un perfil sin mfa_serial.</translation>
    </message>
    <message>
        <source>sessionscope-cli is not running in a terminal, so nobody can type it.</source>
        <translation>sessionscope-cli no se está ejecutando en un terminal, así que nadie puede escribirlo.</translation>
    </message>
    <message>
        <source>the terminal %1 cannot be opened (%2).</source>
        <translation>no se puede abrir el terminal %1 (%2).</translation>
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
        <translation>en curso desde hace %1</translation>
    </message>
</context>
<context>
    <name>TimeoutResolver</name>
    <message>
        <source>%1 of profile %2 must be a number of seconds of at least 0 (0: no limit), not &quot;%3&quot;.</source>
        <extracomment>%1 the key (connect_timeout, read_timeout), %2 the profile name, %3 the value.</extracomment>
        <translation>%1 del perfil %2 debe ser un número de segundos de al menos 0 (0: sin límite), no «%3».</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>perfil %1</translation>
    </message>
</context>
<context>
    <name>TlsSettings</name>
    <message>
        <source>The CA bundle %1 (from %2) %3.</source>
        <extracomment>%1 the file, %2 where it was named (&quot;AWS_CA_BUNDLE&quot;, &quot;--ca-bundle&quot;, &quot;profile dev&quot;), %3 what is wrong with it (&quot;is empty&quot;, &quot;cannot be read (Permission denied)&quot;)</extracomment>
        <translation>El paquete de CA %1 (de %2) %3.</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>no existe</translation>
    </message>
    <message>
        <source>is a folder without a readable PEM certificate</source>
        <translation>es una carpeta sin ningún certificado PEM legible</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(desconocido)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>it could not be verified</source>
        <translation>no se pudo verificar</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 (subject &quot;%2&quot;, issued by &quot;%3&quot;) is not trusted: %4.</source>
        <extracomment>%1 host, %2 subject (&quot;CN=..., O=...&quot;), %3 issuer, %4 what is wrong (from Qt)</extracomment>
        <translation>El certificado TLS de %1 (sujeto «%2», emitido por «%3») no es de confianza: %4.</translation>
    </message>
    <message>
        <source>The CA bundle %1 (from %2) is the only trust used; if a company proxy or a private CA issues this certificate, add that CA&apos;s certificate to the bundle, or point AWS_CA_BUNDLE or --ca-bundle at one that has it.</source>
        <extracomment>%1 the CA bundle file, %2 where it was named</extracomment>
        <translation>El paquete de CA %1 (de %2) es la única confianza que se usa; si un proxy de la empresa o una CA privada emite este certificado, añada el certificado de esa CA al paquete, o haga que AWS_CA_BUNDLE o --ca-bundle apunten a uno que lo contenga.</translation>
    </message>
    <message>
        <source>If a company proxy or a private CA issues this certificate, set AWS_CA_BUNDLE (or --ca-bundle, or ca_bundle in the profile) to a PEM file with that CA&apos;s certificate.</source>
        <translation>Si un proxy de la empresa o una CA privada emite este certificado, establezca AWS_CA_BUNDLE (o --ca-bundle, o ca_bundle en el perfil) en un archivo PEM con el certificado de esa CA.</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>no se puede leer (%1)</translation>
    </message>
    <message>
        <source>is larger than 64 MB, which no CA bundle is</source>
        <translation>ocupa más de 64 MB, lo que ningún paquete de CA ocupa</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>está vacío</translation>
    </message>
    <message>
        <source>holds no PEM certificate (-----BEGIN CERTIFICATE-----)</source>
        <translation>no contiene ningún certificado PEM (-----BEGIN CERTIFICATE-----)</translation>
    </message>
    <message>
        <source>holds no certificate that can be read</source>
        <translation>no contiene ningún certificado legible</translation>
    </message>
    <message>
        <source>holds %1 certificates of which only %2 can be read</source>
        <translation>contiene %1 certificados, de los que solo se pueden leer %2</translation>
    </message>
</context>
<context>
    <name>TransportCall</name>
    <message>
        <source>No AWS credentials are configured.</source>
        <translation>No hay credenciales de AWS configuradas.</translation>
    </message>
    <message>
        <source>The request URL is not valid: %1</source>
        <translation>La URL de la solicitud no es válida: %1</translation>
    </message>
    <message>
        <source>Could not connect to %1 within %2 s.</source>
        <translation>No se pudo conectar con %1 en %2 s.</translation>
    </message>
    <message>
        <source>No data from %1 for %2 s.</source>
        <translation>Sin datos de %1 durante %2 s.</translation>
    </message>
    <message>
        <source>The endpoint redirected the request (HTTP %1). Check the region and the endpoint URL.</source>
        <translation>El punto de conexión redirigió la solicitud (HTTP %1). Compruebe la región y la URL del punto de conexión.</translation>
    </message>
    <message>
        <source>The answer had no HTTP status.</source>
        <translation>La respuesta no tenía estado HTTP.</translation>
    </message>
    <message>
        <source>The connection closed after %1 of the %2 bytes of the answer.</source>
        <translation>La conexión se cerró después de %1 de los %2 bytes de la respuesta.</translation>
    </message>
    <message>
        <source>The proxy %1 refused the user name and password. Check them in the proxy URL (HTTPS_PROXY / HTTP_PROXY, or the connection settings).</source>
        <extracomment>%1 the proxy&apos;s host:port</extracomment>
        <translation>El proxy %1 rechazó el nombre de usuario y la contraseña. Compruébelos en la URL del proxy (HTTPS_PROXY / HTTP_PROXY, o la configuración de la conexión).</translation>
    </message>
    <message>
        <source>The proxy %1 asked for a user name and password. Put them into the proxy URL (http://user:password@host:port) of HTTPS_PROXY / HTTP_PROXY, or the connection settings.</source>
        <translation>El proxy %1 pidió un nombre de usuario y una contraseña. Póngalos en la URL del proxy (http://user:password@host:port) de HTTPS_PROXY / HTTP_PROXY, o en la configuración de la conexión.</translation>
    </message>
    <message>
        <source>Check the proxy (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, or the connection settings).</source>
        <translation>Compruebe el proxy (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, o la configuración de la conexión).</translation>
    </message>
    <message>
        <source>The proxy %1 does not allow connections to %2 (it answered &quot;%3&quot;).</source>
        <extracomment>%1 the proxy&apos;s host:port, %2 the AWS host, %3 the proxy&apos;s answer (&quot;HTTP/1.1 403 Forbidden&quot;)</extracomment>
        <translation>El proxy %1 no permite conexiones con %2 (respondió «%3»).</translation>
    </message>
    <message>
        <source>The proxy %1 could not reach %2 (it answered &quot;%3&quot;).</source>
        <translation>El proxy %1 no pudo acceder a %2 (respondió «%3»).</translation>
    </message>
    <message>
        <source>The proxy %1 refused the connection to %2 (it answered &quot;%3&quot;).</source>
        <translation>El proxy %1 rechazó la conexión con %2 (respondió «%3»).</translation>
    </message>
    <message>
        <source>Could not connect through the proxy %1: %2.</source>
        <extracomment>%1 the proxy&apos;s host:port, %2 why (Qt&apos;s or the system&apos;s words, e.g. &quot;Connection refused&quot;)</extracomment>
        <translation>No se pudo conectar a través del proxy %1: %2.</translation>
    </message>
</context>
<context>
    <name>WebIdentityProvider</name>
    <message>
        <source>environment (AWS_WEB_IDENTITY_TOKEN_FILE)</source>
        <translation>entorno (AWS_WEB_IDENTITY_TOKEN_FILE)</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>perfil %1</translation>
    </message>
    <message>
        <source>web identity (role %1, %2)</source>
        <translation>identidad web (rol %1, %2)</translation>
    </message>
    <message>
        <source>The %1 sets a web identity token file but no role: set role_arn in the profile or AWS_ROLE_ARN.</source>
        <translation>%1: hay un archivo de token de identidad web, pero ningún rol; defina role_arn en el perfil o AWS_ROLE_ARN.</translation>
    </message>
    <message>
        <source>Could not read the web identity token file %1 (from the %2): %3</source>
        <translation>No se pudo leer el archivo de token de identidad web %1 (origen: %2): %3</translation>
    </message>
    <message>
        <source>The web identity token file %1 (from the %2) is empty.</source>
        <translation>El archivo de token de identidad web %1 (origen: %2) está vacío.</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Try the &amp;demo</source>
        <translation>Probar la &amp;demostración</translation>
    </message>
    <message>
        <source>Set up a &amp;connection…</source>
        <translation>Configurar una &amp;conexión…</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <source>SessionScope logo</source>
        <translation>Logotipo de SessionScope</translation>
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
        <translation>Mensaje de bienvenida</translation>
    </message>
    <message>
        <source>Browse the sessions of your Amazon WorkSpaces Secure Browser portals and the sharing settings of Amazon Q Apps sessions. Connect with an AWS profile, or look around on built-in demo data first.</source>
        <translation>Explore las sesiones de sus portales de Amazon WorkSpaces Secure Browser y la configuración de uso compartido de las sesiones de Amazon Q Apps. Conéctese con un perfil de AWS, o eche antes un vistazo con los datos de demostración integrados.</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Probar la demostración</translation>
    </message>
    <message>
        <source>Set up a connection</source>
        <translation>Configurar una conexión</translation>
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
        <translation>Cuenta: %1
Arn: %2
ID de usuario: %3
Credenciales de: %4
</translation>
    </message>
</context>
<context>
    <name>WorkSpacesWebClient</name>
    <message>
        <source>The page token is longer than 2048 characters.</source>
        <translation>El token de página tiene más de 2048 caracteres.</translation>
    </message>
    <message>
        <source>The page token contains whitespace.</source>
        <translation>El token de página contiene espacios en blanco.</translation>
    </message>
    <message>
        <source>The page size must be at least 1 (or 0 to let the service choose), not %1.</source>
        <translation>El tamaño de página debe ser al menos 1 (o 0 para que elija el servicio), no %1.</translation>
    </message>
    <message>
        <source>The portal id &quot;%1&quot; is not valid: it must be 36 letters, digits or &apos;-&apos; (it has %2).</source>
        <translation>El ID de portal «%1» no es válido: debe tener 36 letras, dígitos o &apos;-&apos; (tiene %2).</translation>
    </message>
    <message>
        <source>The session id &quot;%1&quot; is not valid: it must be 36 letters, digits or &apos;-&apos; (it has %2).</source>
        <translation>El ID de sesión «%1» no es válido: debe tener 36 letras, dígitos o &apos;-&apos; (tiene %2).</translation>
    </message>
    <message>
        <source>GetPortal needs the portal&apos;s ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID), not only its id.</source>
        <translation>GetPortal necesita el ARN del portal (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID), no solo su ID.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a portal ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID).</source>
        <translation>«%1» no es un ARN de portal (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID).</translation>
    </message>
    <message>
        <source>The user name is longer than 256 characters.</source>
        <translation>El nombre de usuario tiene más de 256 caracteres.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Run &quot;sessionscope-cli --help&quot; for usage.</source>
        <translation>Ejecute «sessionscope-cli --help» para ver el uso.</translation>
    </message>
    <message>
        <source>Browse Amazon WorkSpaces Secure Browser sessions.</source>
        <translation>Explorar las sesiones de Amazon WorkSpaces Secure Browser.</translation>
    </message>
    <message>
        <source>Start on the built-in demo data.</source>
        <translation>Empezar con los datos de demostración integrados.</translation>
    </message>
    <message>
        <source>Connect with this AWS profile.</source>
        <translation>Conectar con este perfil de AWS.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>Use this AWS region.</source>
        <translation>Usar esta región de AWS.</translation>
    </message>
    <message>
        <source>region</source>
        <translation>región</translation>
    </message>
    <message>
        <source>Send requests to this endpoint.</source>
        <translation>Enviar las solicitudes a este punto de conexión.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Use a dark palette (when the desktop&apos;s dark theme is not picked up).</source>
        <translation>Usar una paleta oscura (cuando no se aplica el tema oscuro del escritorio).</translation>
    </message>
    <message>
        <source>Show SessionScope in this language (%1) for this run.</source>
        <translation>Mostrar SessionScope en este idioma (%1) durante esta ejecución.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>código</translation>
    </message>
</context>
</TS>
