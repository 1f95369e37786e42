<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About SessionScope</source>
        <translation>À propos de SessionScope</translation>
    </message>
    <message>
        <source>SessionScope icon</source>
        <translation>Icône de SessionScope</translation>
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
        <translation>Description</translation>
    </message>
    <message>
        <source>Browse the sessions of Amazon WorkSpaces Secure Browser portals and the sharing settings of Amazon Q Apps sessions.</source>
        <translation>Parcourez les sessions des portails Amazon WorkSpaces Secure Browser et les réglages de partage des sessions Amazon Q Apps.</translation>
    </message>
    <message>
        <source>Qt version</source>
        <translation>Version de Qt</translation>
    </message>
    <message>
        <source>Running on Qt %1, built with Qt %2.</source>
        <translation>Fonctionne avec Qt %1, compilé avec Qt %2.</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>&lt;p&gt;Licence: GPL-3.0-or-later. SessionScope is free software: you may use, study, share and change it under the terms of the &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License&lt;/a&gt;, version 3 or any later version. It comes with no warranty, to the extent permitted by law.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Licence&#xa0;: GPL-3.0-or-later. SessionScope est un logiciel libre&#xa0;: vous pouvez l&apos;utiliser, l&apos;étudier, le partager et le modifier selon les termes de la &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License&lt;/a&gt;, version 3 ou toute version ultérieure. Il est fourni sans aucune garantie, dans les limites permises par la loi.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Copier les détails</translation>
    </message>
    <message>
        <source>Copy version details</source>
        <translation>Copier les détails de version</translation>
    </message>
    <message>
        <source>Copy the versions of SessionScope, Qt and the system, e.g. for a bug report</source>
        <translation>Copier les versions de SessionScope, de Qt et du système, p. ex. pour un rapport de bogue</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>SessionScope %1
Qt %2 (built with Qt %3)
%4, %5</source>
        <translation>SessionScope %1
Qt %2 (compilé avec Qt %3)
%4, %5</translation>
    </message>
</context>
<context>
    <name>ApiJson</name>
    <message>
        <source>a boolean</source>
        <translation>un booléen</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>un tableau</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>&quot;%1&quot; should be %2, but is %3.</source>
        <extracomment>%1 is a JSON field path such as sessions[0].startTime; %2 and %3 name kinds of value (&quot;a string&quot;, &quot;a number&quot;, ...), translated separately.</extracomment>
        <translation>«&#xa0;%1&#xa0;» devrait être %2, mais est %3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing.</source>
        <translation>«&#xa0;%1&#xa0;» est absent.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is empty.</source>
        <translation>«&#xa0;%1&#xa0;» est vide.</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <source>a whole number from 0 to 2147483647</source>
        <translation>un nombre entier de 0 à 2147483647</translation>
    </message>
    <message>
        <source>The answer is not a JSON object.</source>
        <translation>La réponse n&apos;est pas un objet JSON.</translation>
    </message>
    <message>
        <source>The answer is not valid JSON (%1 at byte %2).</source>
        <translation>La réponse n&apos;est pas du JSON valide (%1 à l&apos;octet %2).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a plausible time (%2 seconds since 1970).</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une heure plausible (%2 secondes depuis 1970).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time: &quot;%2&quot;.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une heure&#xa0;: «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>a time (epoch seconds or ISO 8601)</source>
        <translation>une heure (secondes depuis 1970 ou ISO 8601)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a plausible time: &quot;%2&quot;.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une heure plausible&#xa0;: «&#xa0;%2&#xa0;».</translation>
    </message>
</context>
<context>
    <name>AppIdResolver</name>
    <message>
        <source>profile %1</source>
        <translation>profil %1</translation>
    </message>
    <message>
        <source>The application id (from %1) is longer than %2 characters; AWS may cut it short.</source>
        <extracomment>%1 where the id came from, %2 the maximum length.</extracomment>
        <translation>L&apos;ID d&apos;application (de %1) dépasse %2 caractères&#xa0;; AWS risque de le tronquer.</translation>
    </message>
</context>
<context>
    <name>AppProfileCredentialsProvider</name>
    <message>
        <source>SessionScope&apos;s profile list is no longer available.</source>
        <translation>La liste des profils de SessionScope n&apos;est plus disponible.</translation>
    </message>
    <message>
        <source>There is no SessionScope profile named &quot;%1&quot;.</source>
        <translation>Il n&apos;existe aucun profil SessionScope nommé «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>profile %1 (system keychain)</source>
        <translation>profil %1 (trousseau du système)</translation>
    </message>
</context>
<context>
    <name>AppProfileDialog</name>
    <message>
        <source>SessionScope profile</source>
        <translation>Profil SessionScope</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>Modifier le profil</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Nouveau profil</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Nom du profil</translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation>ID de clé d&apos;accès</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>Clé d&apos;accès secrète</translation>
    </message>
    <message>
        <source>Session token</source>
        <translation>Jeton de session</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Endpoint URL</source>
        <translation>URL du point de terminaison</translation>
    </message>
    <message>
        <source>Amazon Q Business instance ID</source>
        <translation>ID d&apos;instance Amazon Q Business</translation>
    </message>
    <message>
        <source>e.g. eu-west-1 (empty: from the environment)</source>
        <translation>p. ex. eu-west-1 (vide&#xa0;: depuis l&apos;environnement)</translation>
    </message>
    <message>
        <source>empty: the regional AWS endpoints</source>
        <translation>vide&#xa0;: les points de terminaison AWS régionaux</translation>
    </message>
    <message>
        <source>optional, for Q App sharing</source>
        <translation>facultatif, pour le partage Q App</translation>
    </message>
    <message>
        <source>only for temporary credentials</source>
        <translation>uniquement pour des informations d&apos;identification temporaires</translation>
    </message>
    <message>
        <source>unchanged (stored in the keychain)</source>
        <translation>inchangée (stockée dans le trousseau)</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Enregistrer le profil</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Access key ID:</source>
        <translation>ID de clé d&apos;&amp;accès&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Secret access key:</source>
        <translation>Clé d&apos;accès &amp;secrète&#xa0;:</translation>
    </message>
    <message>
        <source>Session &amp;token:</source>
        <translation>&amp;Jeton de session&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Région&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Endpoint URL:</source>
        <translation>URL du point de &amp;terminaison&#xa0;:</translation>
    </message>
    <message>
        <source>Q Business &amp;instance ID:</source>
        <translation>ID d&apos;&amp;instance Q Business&#xa0;:</translation>
    </message>
    <message>
        <source>The secret access key and session token are kept in the system keychain, never in a file.</source>
        <translation>La clé d&apos;accès secrète et le jeton de session sont conservés dans le trousseau du système, jamais dans un fichier.</translation>
    </message>
    <message>
        <source>Enter the secret access key.</source>
        <translation>Saisissez la clé d&apos;accès secrète.</translation>
    </message>
    <message>
        <source>Saving to the keychain…</source>
        <translation>Enregistrement dans le trousseau…</translation>
    </message>
</context>
<context>
    <name>AppProfileStore</name>
    <message>
        <source>A profile name has 1 to 64 letters, digits and . _ - @ + (no spaces or slashes).</source>
        <translation>Un nom de profil compte de 1 à 64 lettres, chiffres et . _ - @ + (ni espaces ni barres obliques).</translation>
    </message>
    <message>
        <source>An access key id has 16 to 128 letters and digits, like AKIAIOSFODNN7EXAMPLE.</source>
        <translation>Un ID de clé d&apos;accès compte de 16 à 128 lettres et chiffres, comme AKIAIOSFODNN7EXAMPLE.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an AWS region name such as us-east-1.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un nom de région AWS comme us-east-1.</translation>
    </message>
    <message>
        <source>the profile</source>
        <translation>le profil</translation>
    </message>
    <message>
        <source>A Q Apps instance id has letters, digits and dashes only.</source>
        <translation>Un ID d&apos;instance Q Apps ne contient que des lettres, des chiffres et des tirets.</translation>
    </message>
    <message>
        <source>The secret access key is empty or contains spaces.</source>
        <translation>La clé d&apos;accès secrète est vide ou contient des espaces.</translation>
    </message>
    <message>
        <source>The session token contains spaces.</source>
        <translation>Le jeton de session contient des espaces.</translation>
    </message>
    <message>
        <source>the profile settings could not be saved to %1.</source>
        <translation>les réglages du profil n&apos;ont pas pu être enregistrés dans %1.</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>profil %1</translation>
    </message>
    <message>
        <source>The profile store was closed.</source>
        <translation>Le stockage des profils a été fermé.</translation>
    </message>
    <message>
        <source>There is no SessionScope profile named &quot;%1&quot; to update.</source>
        <translation>Il n&apos;existe aucun profil SessionScope nommé «&#xa0;%1&#xa0;» à mettre à jour.</translation>
    </message>
    <message>
        <source>The keychain entry of %1 is not one SessionScope wrote. Enter the secret access key again in the profile&apos;s settings.</source>
        <translation>L&apos;entrée du trousseau pour %1 n&apos;a pas été écrite par SessionScope. Saisissez à nouveau la clé d&apos;accès secrète dans les réglages du profil.</translation>
    </message>
</context>
<context>
    <name>AssumeRoleProvider</name>
    <message>
        <source>profile %1 (role %2)</source>
        <translation>profil %1 (rôle %2)</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; needs an MFA code for %2, and nobody can be asked for one here. Run it where a code can be typed, or use credentials without mfa_serial.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» a besoin d&apos;un code MFA pour %2, et personne ne peut le fournir ici. Lancez l&apos;opération là où un code peut être saisi, ou utilisez des informations d&apos;identification sans mfa_serial.</translation>
    </message>
    <message>
        <source>No MFA code was entered: the profile &quot;%1&quot; is not signed in.</source>
        <translation>Aucun code MFA n&apos;a été saisi&#xa0;: le profil «&#xa0;%1&#xa0;» n&apos;est pas connecté.</translation>
    </message>
</context>
<context>
    <name>AwsCliCacheFile</name>
    <message>
        <source>The IAM Identity Center cache file %1 cannot be read: %2.</source>
        <translation>Le fichier de cache IAM Identity Center %1 ne peut pas être lu&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The IAM Identity Center cache file %1 is not a JSON object. Sign in again to replace it.</source>
        <translation>Le fichier de cache IAM Identity Center %1 n&apos;est pas un objet JSON. Reconnectez-vous pour le remplacer.</translation>
    </message>
    <message>
        <source>Cannot write the IAM Identity Center cache file %1: %2.</source>
        <translation>Impossible d&apos;écrire le fichier de cache IAM Identity Center %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>the folder %1 cannot be created</source>
        <translation>le dossier %1 ne peut pas être créé</translation>
    </message>
</context>
<context>
    <name>AwsError</name>
    <message>
        <source>The service answered with HTTP status %1.</source>
        <translation>Le service a répondu avec le statut HTTP %1.</translation>
    </message>
    <message>
        <source>Could not reach AWS: %1. Check the network connection and the endpoint.</source>
        <translation>Impossible de joindre AWS&#xa0;: %1. Vérifiez la connexion réseau et le point de terminaison.</translation>
    </message>
    <message>
        <source>AWS did not answer in time. Check the network connection, then retry.</source>
        <translation>AWS n&apos;a pas répondu à temps. Vérifiez la connexion réseau, puis réessayez.</translation>
    </message>
    <message>
        <source>AWS is limiting requests. Wait a moment, then retry.</source>
        <translation>AWS limite les requêtes. Patientez un instant, puis réessayez.</translation>
    </message>
    <message>
        <source>Access denied: your credentials are not allowed to call %1. Ask your administrator for this IAM permission.</source>
        <translation>Accès refusé&#xa0;: vos informations d&apos;identification ne permettent pas d&apos;appeler %1. Demandez cette autorisation IAM à votre administrateur.</translation>
    </message>
    <message>
        <source>Access denied: %1</source>
        <translation>Accès refusé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>Introuvable&#xa0;: %1</translation>
    </message>
    <message>
        <source>The request was not valid: %1</source>
        <translation>La requête n&apos;était pas valide&#xa0;: %1</translation>
    </message>
    <message>
        <source>Your AWS credentials have expired. Refresh them (for example with &quot;aws sso login&quot;), then retry.</source>
        <translation>Vos informations d&apos;identification AWS ont expiré. Renouvelez-les (par exemple avec «&#xa0;aws sso login&#xa0;»), puis réessayez.</translation>
    </message>
    <message>
        <source>AWS rejected the request time. Check that this computer&apos;s clock is correct.</source>
        <translation>AWS a rejeté l&apos;heure de la requête. Vérifiez que l&apos;horloge de cet ordinateur est juste.</translation>
    </message>
    <message>
        <source>AWS does not recognise these credentials (access key id). Check the profile, or whether the region is right.</source>
        <translation>AWS ne reconnaît pas ces informations d&apos;identification (ID de clé d&apos;accès). Vérifiez le profil, ou que la région est la bonne.</translation>
    </message>
    <message>
        <source>There is a problem with the AWS credentials: %1</source>
        <translation>Les informations d&apos;identification AWS posent problème&#xa0;: %1</translation>
    </message>
    <message>
        <source>AWS had an internal problem (%1). Retry in a moment.</source>
        <translation>AWS a rencontré un problème interne (%1). Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>AWS sent an answer SessionScope could not read: %1</source>
        <translation>AWS a envoyé une réponse que SessionScope n&apos;a pas pu lire&#xa0;: %1</translation>
    </message>
    <message>
        <source>The request conflicts with the current state: %1</source>
        <translation>La requête est en conflit avec l&apos;état actuel&#xa0;: %1</translation>
    </message>
    <message>
        <source>Configuration problem: %1</source>
        <translation>Problème de configuration&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not write the file: %1</source>
        <translation>Impossible d&apos;écrire le fichier&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>request id %1</source>
        <translation>ID de requête %1</translation>
    </message>
    <message>
        <source>AWS is limiting requests (it asked to wait %1 s). Wait a moment, then retry.</source>
        <translation>AWS limite les requêtes (il a demandé d&apos;attendre %1 s). Patientez un instant, puis réessayez.</translation>
    </message>
    <message>
        <source>The request is too large for AWS to accept: %1</source>
        <translation>La requête est trop volumineuse pour qu&apos;AWS l&apos;accepte&#xa0;: %1</translation>
    </message>
    <message>
        <source>The resource has as many tags as AWS allows (%1). Remove a tag first.</source>
        <translation>La ressource a déjà autant de balises qu&apos;AWS le permet (%1). Supprimez d&apos;abord une balise.</translation>
    </message>
    <message>
        <source>An AWS service quota of the account has been reached (%1). Free some room, or ask for a higher quota in the Service Quotas console.</source>
        <translation>Un quota de service AWS du compte a été atteint (%1). Libérez de la place, ou demandez un quota plus élevé dans la console Service Quotas.</translation>
    </message>
</context>
<context>
    <name>AwsTransport</name>
    <message>
        <source>The endpoint &quot;%1&quot; is not an http(s) URL with a host.</source>
        <translation>Le point de terminaison «&#xa0;%1&#xa0;» n&apos;est pas une URL http(s) avec un hôte.</translation>
    </message>
    <message>
        <source>No AWS region is set.</source>
        <translation>Aucune région AWS n&apos;est définie.</translation>
    </message>
    <message>
        <source>No network access manager.</source>
        <translation>Aucun gestionnaire d&apos;accès réseau.</translation>
    </message>
</context>
<context>
    <name>CliArguments</name>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>argument inattendu «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>unknown option --%1 (options of a command come after the command)</source>
        <translation>option inconnue --%1 (les options d&apos;une commande se placent après la commande)</translation>
    </message>
    <message>
        <source>unknown option --%1 for &quot;%2&quot;</source>
        <translation>option inconnue --%1 pour «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>option --%1 takes no value</source>
        <translation>l&apos;option --%1 ne prend pas de valeur</translation>
    </message>
    <message>
        <source>option --%1 needs a value</source>
        <translation>l&apos;option --%1 exige une valeur</translation>
    </message>
    <message>
        <source>option --%1 given twice</source>
        <translation>l&apos;option --%1 est donnée deux fois</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs --%2</source>
        <translation>«&#xa0;%1&#xa0;» exige --%2</translation>
    </message>
    <message>
        <source>--format must be one of: %1</source>
        <translation>--format doit valoir l&apos;une de ces valeurs&#xa0;: %1</translation>
    </message>
    <message>
        <source>--status must be active or terminated</source>
        <translation>--status doit valoir active ou terminated</translation>
    </message>
    <message>
        <source>--sort must be newest or oldest</source>
        <translation>--sort doit valoir newest ou oldest</translation>
    </message>
    <message>
        <source>--page-size must be a whole number of at least 1</source>
        <translation>--page-size doit être un nombre entier d&apos;au moins 1</translation>
    </message>
    <message>
        <source>--max-items must be a whole number of at least 1</source>
        <translation>--max-items doit être un nombre entier d&apos;au moins 1</translation>
    </message>
    <message>
        <source>--columns has an empty column name</source>
        <translation>--columns contient un nom de colonne vide</translation>
    </message>
    <message>
        <source>sessionscope-cli sharing --instance-id ID --session-id ID [--format table|json]
  Shows the Amazon Q Apps sharing configuration of a session.
</source>
        <translation>sessionscope-cli sharing --instance-id ID --session-id ID [--format table|json]
  Affiche la configuration de partage Amazon Q Apps d&apos;une session.
</translation>
    </message>
    <message>
        <source>--portal &quot;%1&quot; is not a portal ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID)</source>
        <translation>--portal &quot;%1&quot; n&apos;est pas un ARN de portail (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID)</translation>
    </message>
    <message>
        <source>  --portal takes a portal id or its ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID). With an
  ARN and no region set (--region, AWS_REGION, AWS_DEFAULT_REGION, the profile), the ARN&apos;s region is
  used; a region set elsewhere that differs from the ARN&apos;s is an error (exit status 3).
</source>
        <translation>  --portal accepte un identifiant de portail ou son ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID).
  Avec un ARN et sans région définie (--region, AWS_REGION, AWS_DEFAULT_REGION, le profil), la région de
  l&apos;ARN est utilisée ; une région définie ailleurs et différente de celle de l&apos;ARN est une erreur (code de sortie 3).
</translation>
    </message>
    <message>
        <source>sessionscope-cli portals [--format table|json|csv|jsonl] [--spreadsheet-safe]
  Lists every web portal of the account and region (all pages).
</source>
        <translation>sessionscope-cli portals [--format table|json|csv|jsonl] [--spreadsheet-safe]
  Liste tous les portails web du compte et de la région (toutes les pages).
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
        <translation>sessionscope-cli sessions --portal ID|ARN [options]
  Liste les sessions d&apos;un portail, page par page, en écrivant chaque page aussitôt sur stdout ou --output.
  --status active|terminated   seulement les sessions dans cet état
  --username NAME              seulement cet utilisateur (correspondance exacte)
  --session-id ID              seulement cette session
  --sort newest|oldest         par heure de début (par défaut&#xa0;: newest)
  --page-size N                sessions par requête (par défaut&#xa0;: celle du service)
  --max-items N                s&apos;arrêter après N sessions
  --format table|csv|json|jsonl   (par défaut&#xa0;: table dans un terminal, sinon jsonl)
  --output FILE                écrire dans FILE (entièrement ou pas du tout) au lieu de stdout
  --columns a,b,...            colonnes exportées (noms de l&apos;API, listés ci-dessous)
  --spreadsheet-safe           préfixer de &apos; les cellules commençant par = + - @ tab CR (CSV)
  --bom                        commencer le CSV par une marque d&apos;ordre des octets UTF-8
  --local-time                 heures locales avec décalage au lieu de UTC
  --instance-id ID             instance Amazon Q Business pour les colonnes de partage Q App

Colonnes (par défaut&#xa0;: sessionId,username,status,startTime,endTime,portalArn)&#xa0;:
  %1
  clientIpAddresses exige un appel GetSession par session&#xa0;; les colonnes qApp* un appel
  GetQAppSessionMetadata par session (et --instance-id).
</translation>
    </message>
    <message>
        <source>sessionscope-cli session --portal ID|ARN --session-id ID [--format table|json]
  Shows one session with its client IP addresses.
</source>
        <translation>sessionscope-cli session --portal ID|ARN --session-id ID [--format table|json]
  Affiche une session avec les adresses IP de ses clients.
</translation>
    </message>
    <message>
        <source>sessionscope-cli expire --portal ID|ARN --session-id ID [--yes]
  Ends (expires) an active session. Asks for confirmation on a terminal unless --yes.
</source>
        <translation>sessionscope-cli expire --portal ID|ARN --session-id ID [--yes]
  Termine (fait expirer) une session active. Demande confirmation dans un terminal, sauf avec --yes.
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
  Indique à qui appartiennent les informations d&apos;identification (STS GetCallerIdentity)&#xa0;: le compte, l&apos;ARN,
  l&apos;ID utilisateur et leur provenance. JSON&#xa0;: {&quot;Account&quot;, &quot;Arn&quot;, &quot;UserId&quot;, &quot;CredentialSource&quot;}.
  Un profil avec mfa_serial demande le code dans le terminal («&#xa0;Enter MFA code for ...:&#xa0;»)&#xa0;; sans
  terminal, la commande échoue aussitôt (code de sortie 4).
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
  Connecte un profil IAM Identity Center (sso_session ou sso_start_url) sans l&apos;AWS CLI&#xa0;: affiche une
  URL et un code sur stderr, attend que vous autorisiez l&apos;accès dans un navigateur (sur n&apos;importe quel appareil)
  et enregistre la connexion dans le cache de l&apos;AWS CLI (~/.aws/sso/cache), que `aws` partage donc.
  Affiche jusqu&apos;à quand la connexion est valide. Ctrl-C annule (code de sortie 13).
</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot; (expected portals, sessions, session, sharing, expire, whoami, login or config)</source>
        <translation>commande inconnue «&#xa0;%1&#xa0;» (attendu&#xa0;: portals, sessions, session, sharing, expire, whoami, login ou config)</translation>
    </message>
    <message>
        <source>--%1 must be a number of seconds of at least 0 (0: no limit)</source>
        <translation>--%1 doit être un nombre de secondes d&apos;au moins 0 (0&#xa0;: sans limite)</translation>
    </message>
    <message>
        <source>no command given (expected portals, sessions, session, sharing, expire, whoami, login or config)</source>
        <translation>aucune commande donnée (attendu&#xa0;: portals, sessions, session, sharing, expire, whoami, login ou config)</translation>
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
        <translation>Options globales (avant ou après la commande)&#xa0;:
  --profile P         profil AWS (fichiers partagés ou créé dans SessionScope)&#xa0;; par défaut&#xa0;: AWS_PROFILE,
                      sinon les informations d&apos;identification de l&apos;environnement, sinon «&#xa0;default&#xa0;»
  --region R          région AWS&#xa0;; par défaut&#xa0;: AWS_REGION, AWS_DEFAULT_REGION, la région du profil
  --endpoint-url URL  utiliser ce point de terminaison pour chaque service (http:// seulement en boucle locale)
  --ca-bundle FILE    ne faire confiance qu&apos;aux autorités de certification de ce fichier PEM (proxy qui inspecte
                      le TLS ou CA privée)&#xa0;; par défaut&#xa0;: AWS_CA_BUNDLE, le ca_bundle du profil
  --cli-connect-timeout S  secondes d&apos;attente d&apos;une connexion (0&#xa0;: sans limite)&#xa0;; par défaut&#xa0;: le
                      connect_timeout du profil, sinon 10
  --cli-read-timeout S  secondes d&apos;attente sans données (0&#xa0;: sans limite)&#xa0;; par défaut&#xa0;: le
                      read_timeout du profil, sinon 60
  --debug             journaliser les requêtes (jamais les secrets) sur stderr
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
        <translation>Code de sortie&#xa0;:
  0 succès               2 erreur d&apos;utilisation   3 configuration (profil, région, point de terminaison)
  4 identification       5 accès refusé           6 introuvable
  7 requête invalide     8 limité (throttling)    9 réseau ou délai dépassé
  10 erreur du service   11 réponse illisible     12 erreur de fichier local
  13 annulé              14 quota dépassé         1 tout le reste
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
  Affiche chaque réglage qu&apos;utiliseraient les autres commandes et sa provenance, comme
  `aws configure list`, sans appeler AWS&#xa0;: profil, informations d&apos;identification (un ID de clé d&apos;accès
  par ses quatre derniers caractères seulement), région, point de terminaison de chaque service, FIPS et
  double pile, proxy, bundle CA, délais, mode de nouvelle tentative, tentatives et ID d&apos;application. JSON&#xa0;: un
  objet avec les clés profile, credentialSource, region, regionSource, endpoints, proxy, caBundle,
  connectTimeout, readTimeout, retryMode, maxAttempts (et d&apos;autres&#xa0;; voir la page de manuel).
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
        <translation>Utilisation&#xa0;: sessionscope-cli [options globales] COMMANDE [options]

Parcourir les sessions Amazon WorkSpaces Secure Browser et leurs réglages de partage Amazon Q Apps.

Commandes&#xa0;:
  portals    lister les portails web
  sessions   lister ou exporter les sessions d&apos;un portail
  session    afficher une session
  sharing    afficher la configuration de partage Q App d&apos;une session
  expire     terminer une session active
  whoami     indiquer à qui appartiennent les informations d&apos;identification
  login      se connecter à IAM Identity Center
  config     afficher chaque réglage et sa provenance

Lancez «&#xa0;sessionscope-cli COMMANDE --help&#xa0;» pour les options d&apos;une commande.

</translation>
    </message>
</context>
<context>
    <name>CliConnection</name>
    <message>
        <source>the portal ARN is in region %1, but the region is %2 (from %3); set the same region or none, and the ARN&apos;s region is used</source>
        <extracomment>%1 the region in the portal ARN, %2 the region set elsewhere, %3 where it was set (&quot;--region&quot;, &quot;AWS_REGION&quot;, &quot;profile dev&quot;).</extracomment>
        <translation>l&apos;ARN du portail est dans la région %1, mais la région est %2 (d&apos;après %3) ; définissez la même région ou aucune, et la région de l&apos;ARN sera utilisée</translation>
    </message>
</context>
<context>
    <name>ClientAddressesSection</name>
    <message>
        <source>Client IP addresses</source>
        <translation>Adresses IP du client</translation>
    </message>
    <message>
        <source>No session selected.</source>
        <translation>Aucune session sélectionnée.</translation>
    </message>
    <message>
        <source>Loading the session&apos;s details…</source>
        <translation>Chargement des détails de la session…</translation>
    </message>
    <message>
        <source>The service reported no client IP address for this session.</source>
        <translation>Le service n&apos;a signalé aucune adresse IP de client pour cette session.</translation>
    </message>
    <message>
        <source>The service no longer knows this session (terminated sessions are kept for about 35 days).</source>
        <translation>Le service ne connaît plus cette session (les sessions terminées sont conservées environ 35 jours).</translation>
    </message>
</context>
<context>
    <name>Command</name>
    <message>
        <source>standard output</source>
        <translation>sortie standard</translation>
    </message>
    <message>
        <source>profile: %1; region: %2 (%3); WorkSpaces Web endpoint: %4 (%5); attempts: %6</source>
        <translation>profil&#xa0;: %1&#xa0;; région&#xa0;: %2 (%3)&#xa0;; point de terminaison WorkSpaces Web&#xa0;: %4 (%5)&#xa0;; tentatives&#xa0;: %6</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>%1 failed (%2); retrying in %3 s (attempt %4)</source>
        <translation>échec de %1 (%2)&#xa0;; nouvel essai dans %3 s (tentative %4)</translation>
    </message>
    <message>
        <source>Interrupted.</source>
        <translation>Interrompu.</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>erreur&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>CA bundle: %1 (%2), %n certificate(s)</source>
        <extracomment>%1 the file, %2 where it was named (&quot;--ca-bundle&quot;, &quot;AWS_CA_BUNDLE&quot;, &quot;profile dev&quot;)</extracomment>
        <translation>
            <numerusform>Bundle CA&#xa0;: %1 (%2), %n certificat</numerusform>
            <numerusform>Bundle CA&#xa0;: %1 (%2), %n certificats</numerusform>
        </translation>
    </message>
    <message>
        <source>CA bundle: none (the system&apos;s certificate authorities)</source>
        <translation>Bundle CA&#xa0;: aucun (les autorités de certification du système)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>retry mode: %1 (%2); connect timeout: %3 (%4); read timeout: %5 (%6)</source>
        <extracomment>%1 legacy/standard/adaptive, %3 and %5 seconds or &quot;no limit&quot;, the others where each came from</extracomment>
        <translation>mode de nouvelle tentative&#xa0;: %1 (%2)&#xa0;; délai de connexion&#xa0;: %3 (%4)&#xa0;; délai de lecture&#xa0;: %5 (%6)</translation>
    </message>
    <message>
        <source>proxy: %1 (no proxy variable in the environment)</source>
        <extracomment>%1 the proxy URL(s) without password and the NO_PROXY entries, %2 where they were set (&quot;HTTPS_PROXY, NO_PROXY&quot;, &quot;connection settings&quot;)</extracomment>
        <translation>proxy&#xa0;: %1 (aucune variable de proxy dans l&apos;environnement)</translation>
    </message>
    <message>
        <source>proxy: %1 (%2)</source>
        <translation>proxy&#xa0;: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>CommandLineSplitter</name>
    <message>
        <source>The command line ends with a lone backslash.</source>
        <translation>La ligne de commande se termine par une barre oblique inverse isolée.</translation>
    </message>
    <message>
        <source>The command line has a single quote (&apos;) that is never closed.</source>
        <translation>La ligne de commande contient un guillemet simple (&apos;) jamais refermé.</translation>
    </message>
    <message>
        <source>The command line has a double quote (&quot;) that is never closed.</source>
        <translation>La ligne de commande contient un guillemet double (&quot;) jamais refermé.</translation>
    </message>
    <message>
        <source>The command line is empty.</source>
        <translation>La ligne de commande est vide.</translation>
    </message>
</context>
<context>
    <name>ConfigCommand</name>
    <message>
        <source>access keys</source>
        <translation>clés d&apos;accès</translation>
    </message>
    <message>
        <source>assume role</source>
        <translation>endossement de rôle</translation>
    </message>
    <message>
        <source>assume role with MFA</source>
        <translation>endossement de rôle avec MFA</translation>
    </message>
    <message>
        <source>IAM Identity Center</source>
        <translation>IAM Identity Center</translation>
    </message>
    <message>
        <source>web identity</source>
        <translation>identité web</translation>
    </message>
    <message>
        <source>no credentials</source>
        <translation>aucune information d&apos;identification</translation>
    </message>
    <message>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>profil</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 where the credentials come from, %2 their kind (&quot;IAM Identity Center&quot;, &quot;assume role&quot;)</extracomment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>none: %1</source>
        <extracomment>%1 why no credentials can be found</extracomment>
        <translation>aucune&#xa0;: %1</translation>
    </message>
    <message>
        <source>credentials</source>
        <translation>informations d&apos;identification</translation>
    </message>
    <message>
        <source>(not shown)</source>
        <translation>(non affiché)</translation>
    </message>
    <message>
        <source>region</source>
        <translation>région</translation>
    </message>
    <message>
        <source> (the profile does not use IAM Identity Center)</source>
        <translation> (le profil n&apos;utilise pas IAM Identity Center)</translation>
    </message>
    <message>
        <source>endpoint %1</source>
        <translation>point de terminaison %1</translation>
    </message>
    <message>
        <source>(error)</source>
        <translation>(erreur)</translation>
    </message>
    <message>
        <source>FIPS endpoints</source>
        <translation>points de terminaison FIPS</translation>
    </message>
    <message>
        <source>dual-stack endpoints</source>
        <translation>points de terminaison à double pile</translation>
    </message>
    <message>
        <source>proxy</source>
        <translation>proxy</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>bundle CA</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n certificate(s))</source>
        <translation>
            <numerusform>%1 (%n certificat)</numerusform>
            <numerusform>%1 (%n certificats)</numerusform>
        </translation>
    </message>
    <message>
        <source>the system&apos;s certificate authorities</source>
        <translation>les autorités de certification du système</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>connect timeout</source>
        <translation>délai de connexion</translation>
    </message>
    <message>
        <source>read timeout</source>
        <translation>délai de lecture</translation>
    </message>
    <message>
        <source>retry mode</source>
        <translation>mode de nouvelle tentative</translation>
    </message>
    <message>
        <source>max attempts</source>
        <translation>nombre max. de tentatives</translation>
    </message>
    <message>
        <source>app id</source>
        <translation>ID d&apos;application</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Réglage</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nouveau…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <source>Problem reading the AWS files</source>
        <translation>Problème de lecture des fichiers AWS</translation>
    </message>
    <message>
        <source>New SessionScope profile</source>
        <translation>Nouveau profil SessionScope</translation>
    </message>
    <message>
        <source>Edit SessionScope profile</source>
        <translation>Modifier le profil SessionScope</translation>
    </message>
    <message>
        <source>Delete SessionScope profile</source>
        <translation>Supprimer le profil SessionScope</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>From the profile or environment</source>
        <translation>Selon le profil ou l&apos;environnement</translation>
    </message>
    <message>
        <source>Endpoint override</source>
        <translation>Point de terminaison imposé</translation>
    </message>
    <message>
        <source>empty: the profile&apos;s or the regional AWS endpoints</source>
        <translation>vide&#xa0;: ceux du profil ou les points de terminaison AWS régionaux</translation>
    </message>
    <message>
        <source>Amazon Q Business instance ID</source>
        <translation>ID d&apos;instance Amazon Q Business</translation>
    </message>
    <message>
        <source>optional: the profile&apos;s, if it has one</source>
        <translation>facultatif&#xa0;: celui du profil, s&apos;il en a un</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Résultat du test</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Région&#xa0;:</translation>
    </message>
    <message>
        <source>End&amp;point URL:</source>
        <translation>URL du &amp;point de terminaison&#xa0;:</translation>
    </message>
    <message>
        <source>Q Business &amp;instance ID:</source>
        <translation>ID d&apos;&amp;instance Q Business&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Profiles (from ~/.aws and SessionScope&apos;s own):</source>
        <translation>Pro&amp;fils (de ~/.aws et ceux de SessionScope)&#xa0;:</translation>
    </message>
    <message>
        <source>%1 — SessionScope profile (keychain)</source>
        <translation>%1 — profil SessionScope (trousseau)</translation>
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
        <translation>Supprimer le profil</translation>
    </message>
    <message>
        <source>Delete the SessionScope profile “%1” and its secret in the keychain?</source>
        <translation>Supprimer le profil SessionScope «&#xa0;%1&#xa0;» et son secret dans le trousseau&#xa0;?</translation>
    </message>
    <message>
        <source>Asking %1 for its portals…</source>
        <translation>Demande de ses portails à %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n portal(s)</source>
        <translation>
            <numerusform>%n portail</numerusform>
            <numerusform>%n portails</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %n portal(s)</source>
        <translation>
            <numerusform>au moins %n portail</numerusform>
            <numerusform>au moins %n portails</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected: profile %1 can list portals in %2 (%3 found).</source>
        <translation>Connecté&#xa0;: le profil %1 peut lister les portails de %2 (%3 trouvés).</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Non connecté&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>&amp;Ouvrir une session…</translation>
    </message>
    <message>
        <source>Sign in to IAM Identity Center</source>
        <translation>Se connecter à IAM Identity Center</translation>
    </message>
    <message>
        <source>Sign in to IAM Identity Center with this profile, in the browser</source>
        <translation>Se connecter à IAM Identity Center avec ce profil, dans le navigateur</translation>
    </message>
    <message>
        <source>A SessionScope profile; its secret is in the system keychain.</source>
        <translation>Un profil SessionScope&#xa0;; son secret est dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Defined in %1</source>
        <translation>Défini dans %1</translation>
    </message>
    <message>
        <source>access keys</source>
        <translation>clés d&apos;accès</translation>
    </message>
    <message>
        <source>credential process</source>
        <translation>processus d&apos;identification</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rôle</translation>
    </message>
    <message>
        <source>role + MFA</source>
        <translation>rôle + MFA</translation>
    </message>
    <message>
        <source>IAM Identity Center</source>
        <translation>IAM Identity Center</translation>
    </message>
    <message>
        <source>web identity</source>
        <translation>identité web</translation>
    </message>
    <message>
        <source>no credentials</source>
        <translation>aucune information d&apos;identification</translation>
    </message>
    <message>
        <source>signed in until %1</source>
        <extracomment>%1 a time of day (&quot;19:40&quot;), or a date and time when it is not today</extracomment>
        <translation>connecté jusqu&apos;à %1</translation>
    </message>
    <message>
        <source>sign-in renews itself</source>
        <translation>la connexion se renouvelle d&apos;elle-même</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>Non connecté&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ConnectionManager</name>
    <message>
        <source>No AWS credentials were found (no environment keys, no profile in ~/.aws, no SessionScope profile). Try the demo, or set up a connection.</source>
        <translation>Aucune information d&apos;identification AWS n&apos;a été trouvée (ni clés dans l&apos;environnement, ni profil dans ~/.aws, ni profil SessionScope). Essayez la démo ou configurez une connexion.</translation>
    </message>
    <message>
        <source>The demo could not start: %1</source>
        <translation>La démo n&apos;a pas pu démarrer&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Connexion impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not sign in: %1</source>
        <translation>Connexion impossible&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ConnectionResolver</name>
    <message>
        <source>SessionScope&apos;s profiles (system keychain)</source>
        <translation>les profils de SessionScope (trousseau du système)</translation>
    </message>
    <message>
        <source> or among SessionScope&apos;s own profiles</source>
        <extracomment>Appended to &quot;was not found in %2&quot; (the files searched), right after the file names.</extracomment>
        <translation> ni parmi les profils propres à SessionScope</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; was not found in %2%3.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» est introuvable dans %2%3.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; named by AWS_PROFILE was not found in %2%3.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» désigné par AWS_PROFILE est introuvable dans %2%3.</translation>
    </message>
    <message>
        <source>connection settings</source>
        <translation>réglages de connexion</translation>
    </message>
</context>
<context>
    <name>ConnectionSummaryLabel</name>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
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
        <translation>Profil&#xa0;: %1
Région&#xa0;: %2
Requêtes envoyées à&#xa0;: %3
Informations d&apos;identification&#xa0;: %4
Instance Amazon Q Business&#xa0;: %5</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non défini</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Account: %1
Identity: %2
User ID: %3</source>
        <translation>Compte&#xa0;: %1
Identité&#xa0;: %2
ID utilisateur&#xa0;: %3</translation>
    </message>
    <message>
        <source>Identity: not known (%1)</source>
        <translation>Identité&#xa0;: inconnue (%1)</translation>
    </message>
</context>
<context>
    <name>ContainerCredentialsProvider</name>
    <message>
        <source>AWS_CONTAINER_CREDENTIALS_FULL_URI must be https, or http to a loopback address, 169.254.170.2, 169.254.170.23, fd00:ec2::23 or localhost; it is %1.</source>
        <translation>AWS_CONTAINER_CREDENTIALS_FULL_URI doit être en https, ou en http vers une adresse de boucle locale, 169.254.170.2, 169.254.170.23, fd00:ec2::23 ou localhost&#xa0;; elle vaut %1.</translation>
    </message>
    <message>
        <source>container credentials</source>
        <translation>informations d&apos;identification du conteneur</translation>
    </message>
    <message>
        <source>Could not read the container authorization token file %1 (AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE): %2</source>
        <translation>Impossible de lire le fichier du jeton d&apos;autorisation du conteneur %1 (AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE)&#xa0;: %2</translation>
    </message>
    <message>
        <source>The container authorization token is not a valid header value (it has a line break).</source>
        <translation>Le jeton d&apos;autorisation du conteneur n&apos;est pas une valeur d&apos;en-tête valide (il contient un saut de ligne).</translation>
    </message>
    <message>
        <source>it did not answer in time</source>
        <translation>il n&apos;a pas répondu à temps</translation>
    </message>
    <message>
        <source>it answered HTTP %1</source>
        <translation>il a répondu HTTP %1</translation>
    </message>
    <message>
        <source>No credentials from the container credentials endpoint %1: %2</source>
        <translation>Aucune information d&apos;identification du point de terminaison de conteneur %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The container credentials endpoint %1 answered without complete credentials.</source>
        <translation>Le point de terminaison de conteneur %1 a répondu sans informations d&apos;identification complètes.</translation>
    </message>
</context>
<context>
    <name>CopyableValue</name>
    <message>
        <source>%1 indicator</source>
        <translation>Indicateur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Copier %1</translation>
    </message>
</context>
<context>
    <name>CredentialProcessProvider</name>
    <message>
        <source>credential_process of profile %1</source>
        <translation>credential_process du profil %1</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; failed: %2</source>
        <translation>Le credential_process du profil «&#xa0;%1&#xa0;» a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>the program &quot;%1&quot; was not found in PATH.</source>
        <translation>le programme «&#xa0;%1&#xa0;» est introuvable dans PATH.</translation>
    </message>
    <message>
        <source>could not start &quot;%1&quot;: the program was not found or is not executable.</source>
        <translation>impossible de démarrer «&#xa0;%1&#xa0;»&#xa0;: le programme est introuvable ou n&apos;est pas exécutable.</translation>
    </message>
    <message>
        <source> It said: %1</source>
        <translation> Sa sortie&#xa0;: %1</translation>
    </message>
    <message>
        <source>it did not finish within %1 s and was stopped.</source>
        <translation>il ne s&apos;est pas terminé en %1 s et a été arrêté.</translation>
    </message>
    <message>
        <source>it printed more than %1 KiB, which is not a credentials answer.</source>
        <translation>il a écrit plus de %1 Kio, ce qui n&apos;est pas une réponse d&apos;informations d&apos;identification.</translation>
    </message>
    <message>
        <source>it was ended by a signal before it finished.</source>
        <translation>il a été arrêté par un signal avant la fin.</translation>
    </message>
    <message>
        <source>it exited with code %1.</source>
        <translation>il s&apos;est terminé avec le code %1.</translation>
    </message>
    <message>
        <source>its output is not a JSON object like {&quot;Version&quot;: 1, &quot;AccessKeyId&quot;: ..., &quot;SecretAccessKey&quot;: ...}.</source>
        <translation>sa sortie n&apos;est pas un objet JSON comme {&quot;Version&quot;: 1, &quot;AccessKeyId&quot;: ..., &quot;SecretAccessKey&quot;: ...}.</translation>
    </message>
    <message>
        <source>its output has no &quot;Version&quot;; SessionScope understands Version 1.</source>
        <translation>sa sortie n&apos;a pas de «&#xa0;Version&#xa0;»&#xa0;; SessionScope comprend la Version 1.</translation>
    </message>
    <message>
        <source>its output has an unsupported &quot;Version&quot;; SessionScope understands Version 1.</source>
        <translation>sa sortie a une «&#xa0;Version&#xa0;» non prise en charge&#xa0;; SessionScope comprend la Version 1.</translation>
    </message>
    <message>
        <source>its output has no &quot;AccessKeyId&quot; string.</source>
        <translation>sa sortie n&apos;a pas de chaîne «&#xa0;AccessKeyId&#xa0;».</translation>
    </message>
    <message>
        <source>its output has no &quot;SecretAccessKey&quot; string.</source>
        <translation>sa sortie n&apos;a pas de chaîne «&#xa0;SecretAccessKey&#xa0;».</translation>
    </message>
    <message>
        <source>its &quot;Expiration&quot; is not an ISO 8601 date-time such as 2030-01-31T12:00:00Z.</source>
        <translation>son «&#xa0;Expiration&#xa0;» n&apos;est pas une date-heure ISO 8601 comme 2030-01-31T12:00:00Z.</translation>
    </message>
    <message>
        <source>it returned credentials that expired at %1.</source>
        <translation>il a renvoyé des informations d&apos;identification qui ont expiré le %1.</translation>
    </message>
</context>
<context>
    <name>CredentialsProviderChain</name>
    <message>
        <source>The profile &quot;%1&quot; was not found in %2%3.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» est introuvable dans %2%3.</translation>
    </message>
    <message>
        <source> or among SessionScope&apos;s own profiles</source>
        <translation> ni parmi les profils propres à SessionScope</translation>
    </message>
    <message>
        <source>No AWS credentials found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, add a [default] profile to %1 (for example with &quot;aws configure&quot;), or choose a profile with --profile.</source>
        <translation>Aucune information d&apos;identification AWS trouvée. Définissez AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY, ajoutez un profil [default] à %1 (par exemple avec «&#xa0;aws configure&#xa0;»), ou choisissez un profil avec --profile.</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>profil %1</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; named by %2 was not found in %3.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» désigné par %2 est introuvable dans %3.</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>environment, then profile %1, then container and instance metadata</source>
        <translation>environnement, puis profil %1, puis métadonnées de conteneur et d&apos;instance</translation>
    </message>
</context>
<context>
    <name>DemoConnection</name>
    <message>
        <source>built-in emulator at %1</source>
        <translation>émulateur intégré (%1)</translation>
    </message>
    <message>
        <source>the emulator&apos;s throw-away demo keys</source>
        <translation>les clés de démo jetables de l&apos;émulateur</translation>
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
        <translation>(masquée)</translation>
    </message>
    <message>
        <source>The endpoint URL %1 (from %2) %3</source>
        <translation>L&apos;URL du point de terminaison %1 (de %2) %3</translation>
    </message>
    <message>
        <source>is not a valid URL such as https://example.com.</source>
        <translation>n&apos;est pas une URL valide comme https://example.com.</translation>
    </message>
    <message>
        <source>must start with https://.</source>
        <translation>doit commencer par https://.</translation>
    </message>
    <message>
        <source>has no host name.</source>
        <translation>n&apos;a pas de nom d&apos;hôte.</translation>
    </message>
    <message>
        <source>must not contain a user name or password.</source>
        <translation>ne doit contenir ni nom d&apos;utilisateur ni mot de passe.</translation>
    </message>
    <message>
        <source>must not have a query (?...).</source>
        <translation>ne doit pas avoir de requête (?...).</translation>
    </message>
    <message>
        <source>must not have a fragment (#...).</source>
        <translation>ne doit pas avoir de fragment (#...).</translation>
    </message>
    <message>
        <source>must not have a path; give only scheme, host and port.</source>
        <translation>ne doit pas avoir de chemin&#xa0;; indiquez seulement le schéma, l&apos;hôte et le port.</translation>
    </message>
    <message>
        <source>uses plain http://, which is allowed only for this computer (localhost, 127.0.0.1, ::1). Use https://.</source>
        <translation>utilise http:// non chiffré, autorisé seulement pour cet ordinateur (localhost, 127.0.0.1,&#xa0;::1). Utilisez https://.</translation>
    </message>
    <message>
        <source>the services section of profile %1</source>
        <translation>la section services du profil %1</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>profil %1</translation>
    </message>
    <message>
        <source>sts_regional_endpoints (from %1) must be &quot;regional&quot; or &quot;legacy&quot;.</source>
        <translation>sts_regional_endpoints (de %1) doit valoir «&#xa0;regional&#xa0;» ou «&#xa0;legacy&#xa0;».</translation>
    </message>
    <message>
        <source>%1 (from %2) must be &quot;true&quot; or &quot;false&quot;, not &quot;%3&quot;.</source>
        <translation>%1 (de %2) doit valoir «&#xa0;true&#xa0;» ou «&#xa0;false&#xa0;», et non «&#xa0;%3&#xa0;».</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid region name: a region is a single host name label of letters, digits and hyphens, such as us-east-1.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un nom de région valide&#xa0;: une région est une seule étiquette de nom d&apos;hôte, faite de lettres, de chiffres et de traits d&apos;union, comme us-east-1.</translation>
    </message>
    <message>
        <source>%1 (from %2) are not available in the %3 partition of region %4. Turn the setting off or set an endpoint URL.</source>
        <translation>Les %1 (de %2) ne sont pas disponibles dans la partition %3 de la région %4. Désactivez le réglage ou définissez une URL de point de terminaison.</translation>
    </message>
    <message>
        <source>Dual-stack endpoints (use_dualstack_endpoint, from %1) are not available in the %2 partition of region %3; botocore and the AWS CLI refuse them there too. Turn the setting off or set an endpoint URL.</source>
        <translation>Les points de terminaison à double pile (use_dualstack_endpoint, de %1) ne sont pas disponibles dans la partition %2 de la région %3&#xa0;; botocore et l&apos;AWS CLI les y refusent aussi. Désactivez le réglage ou définissez une URL de point de terminaison.</translation>
    </message>
    <message>
        <source>FIPS dual-stack endpoints</source>
        <translation>points de terminaison FIPS à double pile</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 et %2</translation>
    </message>
    <message>
        <source>FIPS endpoints</source>
        <translation>points de terminaison FIPS</translation>
    </message>
    <message>
        <source>Dual-stack endpoints</source>
        <translation>points de terminaison à double pile</translation>
    </message>
</context>
<context>
    <name>EnvironmentCredentialsProvider</name>
    <message>
        <source>environment</source>
        <translation>environnement</translation>
    </message>
    <message>
        <source>AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set in the environment.</source>
        <translation>AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY ne sont pas définies dans l&apos;environnement.</translation>
    </message>
    <message>
        <source>AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not. Set both, or neither.</source>
        <translation>AWS_SECRET_ACCESS_KEY est définie, mais pas AWS_ACCESS_KEY_ID. Définissez les deux, ou aucune.</translation>
    </message>
    <message>
        <source>AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not. Set both, or neither.</source>
        <translation>AWS_ACCESS_KEY_ID est définie, mais pas AWS_SECRET_ACCESS_KEY. Définissez les deux, ou aucune.</translation>
    </message>
    <message>
        <source>AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 date-time such as 2030-01-31T12:00:00Z.</source>
        <translation>AWS_CREDENTIAL_EXPIRATION n&apos;est pas une date-heure ISO 8601 comme 2030-01-31T12:00:00Z.</translation>
    </message>
    <message>
        <source>The credentials in the environment expired at %1 (AWS_CREDENTIAL_EXPIRATION). Set fresh ones.</source>
        <translation>Les informations d&apos;identification de l&apos;environnement ont expiré le %1 (AWS_CREDENTIAL_EXPIRATION). Définissez-en de nouvelles.</translation>
    </message>
    <message>
        <source>environment variables (AWS_ACCESS_KEY_ID)</source>
        <translation>variables d&apos;environnement (AWS_ACCESS_KEY_ID)</translation>
    </message>
</context>
<context>
    <name>ExpireCommand</name>
    <message>
        <source>sessionscope-cli: expire needs --yes when not run from a terminal</source>
        <translation>sessionscope-cli&#xa0;: expire exige --yes hors d&apos;un terminal</translation>
    </message>
    <message>
        <source>Not expired.</source>
        <translation>Non terminée.</translation>
    </message>
    <message>
        <source>Session %1 expired.
</source>
        <translation>Session %1 terminée.
</translation>
    </message>
    <message>
        <source>End session %1 of portal %2? The user is disconnected. [y/N] </source>
        <extracomment>The answers read are always y or yes (in English), whatever the language.</extracomment>
        <translation>Terminer la session %1 du portail %2&#xa0;? L&apos;utilisateur est déconnecté. [y/N] </translation>
    </message>
</context>
<context>
    <name>ExpireSessionsDialog</name>
    <message>
        <source>Expire sessions</source>
        <translation>Terminer des sessions</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message numerus="yes">
        <source>Expire %n active session(s)? Their users are disconnected at once. This cannot be undone.</source>
        <translation>
            <numerusform>Terminer %n session active&#xa0;? Son utilisateur est déconnecté immédiatement. Cette action est irréversible.</numerusform>
            <numerusform>Terminer %n sessions actives&#xa0;? Leurs utilisateurs sont déconnectés immédiatement. Cette action est irréversible.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sessions to expire</source>
        <translation>Sessions à terminer</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>ID de session</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Heure de début</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Pas commencé</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Expire %n session(s)</source>
        <translation>
            <numerusform>&amp;Terminer %n session</numerusform>
            <numerusform>&amp;Terminer %n sessions</numerusform>
        </translation>
    </message>
    <message>
        <source>Expire the listed sessions</source>
        <translation>Terminer les sessions listées</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Expire no further sessions; requests already sent still finish</source>
        <translation>Ne plus terminer d&apos;autres sessions&#xa0;; les requêtes déjà envoyées vont jusqu&apos;au bout</translation>
    </message>
    <message>
        <source>Expiring sessions…</source>
        <translation>Fin des sessions en cours…</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) expired.</source>
        <translation>
            <numerusform>%n session terminée.</numerusform>
            <numerusform>%n sessions terminées.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 expired, %2 not expired: see each session&apos;s result.</source>
        <translation>%1 terminée(s), %2 non terminée(s)&#xa0;: voir le résultat de chaque session.</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message>
        <source>Not expired (stopped)</source>
        <translation>Non terminée (arrêt)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Expiring…</source>
        <translation>Fin en cours…</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Not expired: %1</source>
        <translation>Non terminée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export sessions</source>
        <translation>Exporter des sessions</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Export actions</source>
        <translation>Actions d&apos;export</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Choose the file and export</source>
        <translation>Choisir le fichier et exporter</translation>
    </message>
    <message>
        <source>Close without exporting</source>
        <translation>Fermer sans exporter</translation>
    </message>
    <message>
        <source>&amp;Cancel export</source>
        <translation>&amp;Annuler l&apos;export</translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation>Annuler l&apos;export</translation>
    </message>
    <message>
        <source>Stop now; the file is not written</source>
        <translation>Arrêter maintenant&#xa0;; le fichier n&apos;est pas écrit</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Retour</translation>
    </message>
    <message>
        <source>Back to the export options</source>
        <translation>Revenir aux options d&apos;export</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>No rows are selected.</source>
        <translation>Aucune ligne n&apos;est sélectionnée.</translation>
    </message>
    <message>
        <source>No rows are loaded.</source>
        <translation>Aucune ligne n&apos;est chargée.</translation>
    </message>
    <message>
        <source>Choose a portal first.</source>
        <translation>Choisissez d&apos;abord un portail.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Export sessions to</source>
        <translation>Exporter les sessions vers</translation>
    </message>
    <message>
        <source>Exporting the selected rows (%1) to %2</source>
        <translation>Export des lignes sélectionnées (%1) vers %2</translation>
    </message>
    <message>
        <source>Exporting the loaded rows (%1) to %2</source>
        <translation>Export des lignes chargées (%1) vers %2</translation>
    </message>
    <message>
        <source>Exporting every matching session of “%1” to %2</source>
        <translation>Export de toutes les sessions correspondantes de «&#xa0;%1&#xa0;» vers %2</translation>
    </message>
</context>
<context>
    <name>ExportEnrichment</name>
    <message>
        <source>This session id cannot be a Q Apps session.</source>
        <translation>Cet ID de session ne peut pas être une session Q Apps.</translation>
    </message>
</context>
<context>
    <name>ExportFile</name>
    <message>
        <source>the output is not open for writing</source>
        <translation>la sortie n&apos;est pas ouverte en écriture</translation>
    </message>
    <message>
        <source>no file name was given</source>
        <translation>aucun nom de fichier n&apos;a été donné</translation>
    </message>
    <message>
        <source>this is a folder, not a file</source>
        <translation>c&apos;est un dossier, pas un fichier</translation>
    </message>
    <message>
        <source>the file is not open</source>
        <translation>le fichier n&apos;est pas ouvert</translation>
    </message>
</context>
<context>
    <name>ExportFileChooser</name>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>ExportFormatText</name>
    <message>
        <source>CSV (spreadsheets)</source>
        <translation>CSV (tableurs)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>CSV, spreadsheet-safe</source>
        <translation>CSV, sûr pour tableur</translation>
    </message>
    <message>
        <source>CSV, exact values</source>
        <translation>CSV, valeurs exactes</translation>
    </message>
    <message>
        <source>JSON (one array)</source>
        <translation>JSON (un tableau)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>JSON Lines (one object per line)</source>
        <translation>JSON Lines (un objet par ligne)</translation>
    </message>
    <message>
        <source>JSON Lines files (*.jsonl)</source>
        <translation>Fichiers JSON Lines (*.jsonl)</translation>
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
        <translation>Colonne inconnue «&#xa0;%1&#xa0;». Colonnes valides&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; is listed twice.</source>
        <translation>La colonne «&#xa0;%1&#xa0;» figure deux fois.</translation>
    </message>
    <message>
        <source>Choose at least one column to export.</source>
        <translation>Choisissez au moins une colonne à exporter.</translation>
    </message>
</context>
<context>
    <name>ExportOptionsPage</name>
    <message>
        <source>Export options</source>
        <translation>Options d&apos;export</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Sessions to export</source>
        <translation>Sessions à exporter</translation>
    </message>
    <message>
        <source>Every session that matches the portal, filters and sort</source>
        <translation>Toutes les sessions correspondant au portail, aux filtres et au tri</translation>
    </message>
    <message>
        <source>E&amp;very session that matches the portal, filters and sort</source>
        <translation>&amp;Toutes les sessions correspondant au portail, aux filtres et au tri</translation>
    </message>
    <message>
        <source>Fetched from the service page by page while the file is written; the table is not changed.</source>
        <translation>Récupérées auprès du service page par page pendant l&apos;écriture du fichier&#xa0;; le tableau n&apos;est pas modifié.</translation>
    </message>
    <message>
        <source>Portal and filters</source>
        <translation>Portail et filtres</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Format and options</source>
        <translation>Format et options</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Format de fichier</translation>
    </message>
    <message>
        <source>&amp;UTC, e.g. %1</source>
        <translation>&amp;UTC, p. ex. %1</translation>
    </message>
    <message>
        <source>Times in UTC</source>
        <translation>Heures en UTC</translation>
    </message>
    <message>
        <source>&amp;Local time with its offset, e.g. %1</source>
        <translation>Heure &amp;locale avec son décalage, p. ex. %1</translation>
    </message>
    <message>
        <source>Times in local time with the offset from UTC</source>
        <translation>Heures locales avec le décalage par rapport à UTC</translation>
    </message>
    <message>
        <source>Start with a UTF-8 &amp;byte order mark</source>
        <translation>Commencer par une marque d&apos;ordre des &amp;octets UTF-8</translation>
    </message>
    <message>
        <source>Start the file with a UTF-8 byte order mark</source>
        <translation>Commencer le fichier par une marque d&apos;ordre des octets UTF-8</translation>
    </message>
    <message>
        <source>Some spreadsheet programs (Microsoft Excel among them) read a CSV file as UTF-8 only when it starts with this mark; without it, names with accents or other scripts can show garbled.</source>
        <translation>Certains tableurs (dont Microsoft Excel) ne lisent un fichier CSV en UTF-8 que s&apos;il commence par cette marque&#xa0;; sans elle, les noms accentués ou dans d&apos;autres écritures peuvent s&apos;afficher de façon illisible.</translation>
    </message>
    <message>
        <source>&amp;Spreadsheet-safe values</source>
        <translation>Valeurs sûres pour &amp;tableur</translation>
    </message>
    <message>
        <source>Spreadsheet-safe values</source>
        <translation>Valeurs sûres pour tableur</translation>
    </message>
    <message>
        <source>Spreadsheet programs run a cell that starts with =, +, -, @, a tab or a carriage return as a formula. A user name chosen by someone else could then run a command or send data away when the file is opened (&quot;CSV formula injection&quot;). With this on, such cells get a leading apostrophe so they show as text. Turn it off only when another program needs the exact values.</source>
        <translation>Les tableurs exécutent comme une formule toute cellule qui commence par =, +, -, @, une tabulation ou un retour chariot. Un nom d&apos;utilisateur choisi par quelqu&apos;un d&apos;autre pourrait alors lancer une commande ou envoyer des données à l&apos;ouverture du fichier («&#xa0;CSV formula injection&#xa0;»). Avec cette option, ces cellules reçoivent une apostrophe en tête et s&apos;affichent comme du texte. Ne la désactivez que si un autre programme a besoin des valeurs exactes.</translation>
    </message>
    <message>
        <source>F&amp;ile format:</source>
        <translation>&amp;Format de fichier&#xa0;:</translation>
    </message>
    <message>
        <source>Times:</source>
        <translation>Heures&#xa0;:</translation>
    </message>
    <message>
        <source>CSV:</source>
        <translation>CSV&#xa0;:</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Colonne %1</translation>
    </message>
    <message>
        <source>Column “%1” in the file</source>
        <translation>Colonne «&#xa0;%1&#xa0;» dans le fichier</translation>
    </message>
    <message>
        <source>%1
Column “%2” in the file</source>
        <translation>%1
Colonne «&#xa0;%2&#xa0;» dans le fichier</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Columns to export</source>
        <translation>Colonnes à exporter</translation>
    </message>
    <message>
        <source>Session &amp;ID</source>
        <translation>&amp;ID de session</translation>
    </message>
    <message>
        <source>User&amp;name</source>
        <translation>&amp;Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>St&amp;atut</translation>
    </message>
    <message>
        <source>Start ti&amp;me</source>
        <translation>Heure de &amp;début</translation>
    </message>
    <message>
        <source>En&amp;d time</source>
        <translation>Heure de fi&amp;n</translation>
    </message>
    <message>
        <source>Empty while the session is active</source>
        <translation>Vide tant que la session est active</translation>
    </message>
    <message>
        <source>Portal &amp;ARN</source>
        <translation>ARN du &amp;portail</translation>
    </message>
    <message>
        <source>Duration (seconds)</source>
        <translation>Durée (secondes)</translation>
    </message>
    <message>
        <source>Whole seconds from start to end; empty while the session is active</source>
        <translation>Secondes entières du début à la fin&#xa0;; vide tant que la session est active</translation>
    </message>
    <message>
        <source>Portal name</source>
        <translation>Nom du portail</translation>
    </message>
    <message>
        <source>Looked up for each session</source>
        <translation>Recherchées pour chaque session</translation>
    </message>
    <message>
        <source>About looked-up columns</source>
        <translation>À propos des colonnes recherchées</translation>
    </message>
    <message>
        <source>Each of these needs one more request per session, so a large export takes longer.</source>
        <translation>Chacune demande une requête de plus par session&#xa0;: un gros export prend donc plus de temps.</translation>
    </message>
    <message>
        <source>&amp;Client IP addresses</source>
        <translation>Adresses IP du &amp;client</translation>
    </message>
    <message>
        <source>One GetSession request per session; the addresses are joined with &apos;;&apos; in CSV</source>
        <translation>Une requête GetSession par session&#xa0;; en CSV, les adresses sont jointes par &apos;;&apos;</translation>
    </message>
    <message>
        <source>Amazon Q Apps sharing</source>
        <translation>Partage Amazon Q Apps</translation>
    </message>
    <message>
        <source>One GetQAppSessionMetadata request per session</source>
        <translation>Une requête GetQAppSessionMetadata par session</translation>
    </message>
    <message>
        <source>Q App session</source>
        <translation>Session Q App</translation>
    </message>
    <message>
        <source>%1; “present” or “none”</source>
        <translation>%1&#xa0;; «&#xa0;present&#xa0;» ou «&#xa0;none&#xa0;»</translation>
    </message>
    <message>
        <source>Q App session name</source>
        <translation>Nom de la session Q App</translation>
    </message>
    <message>
        <source>Sharing enabled</source>
        <translation>Partage activé</translation>
    </message>
    <message>
        <source>Accepts responses</source>
        <translation>Accepte les réponses</translation>
    </message>
    <message>
        <source>Reveals cards</source>
        <translation>Révèle les cartes</translation>
    </message>
    <message>
        <source>You own the session</source>
        <translation>Session vous appartenant</translation>
    </message>
    <message>
        <source>%1; whether the caller&apos;s identity owns the Q App session</source>
        <translation>%1&#xa0;; si l&apos;identité appelante possède la session Q App</translation>
    </message>
    <message>
        <source>Why the Q App columns are unavailable</source>
        <translation>Pourquoi les colonnes Q App sont indisponibles</translation>
    </message>
    <message>
        <source>Reading Q App sharing settings needs the ID of your Amazon Q Business instance, which is not set for this connection.</source>
        <translation>La lecture des réglages de partage Q App nécessite l&apos;ID de votre instance Amazon Q Business, qui n&apos;est pas défini pour cette connexion.</translation>
    </message>
    <message>
        <source>Set &amp;instance ID…</source>
        <translation>Définir l&apos;ID d&apos;&amp;instance…</translation>
    </message>
    <message>
        <source>Set the Amazon Q Business instance ID</source>
        <translation>Définir l&apos;ID d&apos;instance Amazon Q Business</translation>
    </message>
    <message>
        <source>Default co&amp;lumns</source>
        <translation>Co&amp;lonnes par défaut</translation>
    </message>
    <message>
        <source>Choose the default columns</source>
        <translation>Choisir les colonnes par défaut</translation>
    </message>
    <message>
        <source>Session ID, username, status, start time, end time and portal ARN: the fields of the session list</source>
        <translation>ID de session, nom d&apos;utilisateur, statut, heure de début, heure de fin et ARN du portail&#xa0;: les champs de la liste des sessions</translation>
    </message>
    <message>
        <source>&amp;Selected rows (%1)</source>
        <translation>Lignes &amp;sélectionnées (%1)</translation>
    </message>
    <message>
        <source>Selected rows</source>
        <translation>Lignes sélectionnées</translation>
    </message>
    <message>
        <source>&amp;Loaded rows (%1, the whole list)</source>
        <translation>Lignes &amp;chargées (%1, toute la liste)</translation>
    </message>
    <message>
        <source>&amp;Loaded rows (%1)</source>
        <translation>Lignes &amp;chargées (%1)</translation>
    </message>
    <message>
        <source>Loaded rows</source>
        <translation>Lignes chargées</translation>
    </message>
    <message>
        <source>Only the rows the table has loaded so far, in its order</source>
        <translation>Seulement les lignes déjà chargées dans le tableau, dans son ordre</translation>
    </message>
    <message>
        <source>No portal is chosen.</source>
        <translation>Aucun portail n&apos;est choisi.</translation>
    </message>
    <message>
        <source>Portal “%1”</source>
        <translation>Portail «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>any status</source>
        <translation>tout statut</translation>
    </message>
    <message>
        <source>active only</source>
        <translation>actives seulement</translation>
    </message>
    <message>
        <source>terminated only</source>
        <translation>terminées seulement</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>utilisateur %1</translation>
    </message>
    <message>
        <source>session %1</source>
        <translation>session %1</translation>
    </message>
    <message>
        <source>newest first</source>
        <translation>plus récentes d&apos;abord</translation>
    </message>
    <message>
        <source>oldest first</source>
        <translation>plus anciennes d&apos;abord</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>Fetched from the service; the table is not changed.</source>
        <translation>Récupérées auprès du service&#xa0;; le tableau n&apos;est pas modifié.</translation>
    </message>
    <message>
        <source>Portal: %1</source>
        <translation>Portail&#xa0;: %1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Utilisateur&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ExportProgressPage</name>
    <message>
        <source>Export progress</source>
        <translation>Progression de l&apos;export</translation>
    </message>
    <message>
        <source>What is exported</source>
        <translation>Ce qui est exporté</translation>
    </message>
    <message>
        <source>Sessions written</source>
        <translation>Sessions écrites</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Débit</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>Temps écoulé</translation>
    </message>
    <message>
        <source>Lookups</source>
        <translation>Recherches</translation>
    </message>
    <message>
        <source>GetSession and GetQAppSessionMetadata requests for the looked-up columns</source>
        <translation>Requêtes GetSession et GetQAppSessionMetadata pour les colonnes recherchées</translation>
    </message>
    <message>
        <source>Sessions written:</source>
        <translation>Sessions écrites&#xa0;:</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Débit&#xa0;:</translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation>Écoulé&#xa0;:</translation>
    </message>
    <message>
        <source>Lookups:</source>
        <translation>Recherches&#xa0;:</translation>
    </message>
    <message>
        <source>Slowed down</source>
        <translation>Ralenti</translation>
    </message>
    <message>
        <source>Slowed down: AWS is limiting requests. The export goes on with fewer requests at a time.</source>
        <translation>Ralenti&#xa0;: AWS limite les requêtes. L&apos;export continue avec moins de requêtes à la fois.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Format and columns</source>
        <translation>Format et colonnes</translation>
    </message>
    <message>
        <source>%1 · times in %2 · columns: %3</source>
        <translation>%1 · heures en %2 · colonnes&#xa0;: %3</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>local time with offset</source>
        <translation>heure locale avec décalage</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1 sessions per second</source>
        <translation>%1 sessions par seconde</translation>
    </message>
    <message>
        <source>%1 answered, %2 in flight</source>
        <translation>%1 répondues, %2 en cours</translation>
    </message>
</context>
<context>
    <name>GatewayExportEnrichment</name>
    <message>
        <source>The connection was closed during the export.</source>
        <translation>La connexion a été fermée pendant l&apos;export.</translation>
    </message>
</context>
<context>
    <name>GuiCredentialPrompts</name>
    <message>
        <source>Not signed in: the MFA code was not entered.</source>
        <translation>Non connecté&#xa0;: le code MFA n&apos;a pas été saisi.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>&amp;Raccourcis clavier…</translation>
    </message>
    <message>
        <source>&amp;About SessionScope</source>
        <translation>À &amp;propos de SessionScope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>À propos de Qt</translation>
    </message>
</context>
<context>
    <name>InstanceMetadataProvider</name>
    <message>
        <source>The instance metadata endpoint %1 is not a URL such as http://169.254.169.254.</source>
        <translation>Le point de terminaison des métadonnées d&apos;instance %1 n&apos;est pas une URL telle que http://169.254.169.254.</translation>
    </message>
    <message>
        <source>The instance metadata endpoint mode must be IPv4 or IPv6, not &quot;%1&quot;.</source>
        <translation>Le mode du point de terminaison des métadonnées d&apos;instance doit être IPv4 ou IPv6, pas «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>EC2 instance metadata</source>
        <translation>métadonnées d&apos;instance EC2</translation>
    </message>
    <message>
        <source>No credentials from the EC2 instance metadata service (%1): %2</source>
        <translation>Aucune information d&apos;identification du service de métadonnées d&apos;instance EC2 (%1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>The EC2 instance metadata service is turned off (AWS_EC2_METADATA_DISABLED).</source>
        <translation>Le service de métadonnées d&apos;instance EC2 est désactivé (AWS_EC2_METADATA_DISABLED).</translation>
    </message>
    <message>
        <source>no IMDSv2 token, and IMDSv1 is turned off (ec2_metadata_v1_disabled)</source>
        <translation>pas de jeton IMDSv2, et IMDSv1 est désactivé (ec2_metadata_v1_disabled)</translation>
    </message>
    <message>
        <source>the token request was refused (HTTP 400)</source>
        <translation>la demande de jeton a été refusée (HTTP 400)</translation>
    </message>
    <message>
        <source>the instance has no IAM role</source>
        <translation>l&apos;instance n&apos;a pas de rôle IAM</translation>
    </message>
    <message>
        <source>it did not answer in time</source>
        <translation>il n&apos;a pas répondu à temps</translation>
    </message>
    <message>
        <source>it answered HTTP %1</source>
        <translation>il a répondu HTTP %1</translation>
    </message>
    <message>
        <source>EC2 instance role %1</source>
        <translation>rôle d&apos;instance EC2 %1</translation>
    </message>
    <message>
        <source>The EC2 instance metadata service answered without complete credentials for the role %1.</source>
        <translation>Le service de métadonnées d&apos;instance EC2 a répondu sans informations d&apos;identification complètes pour le rôle %1.</translation>
    </message>
</context>
<context>
    <name>KeychainAccess</name>
    <message>
        <source>no details</source>
        <translation>aucun détail</translation>
    </message>
    <message>
        <source>No keychain service is running (Secret Service over D-Bus): there is no D-Bus session bus to reach it. Run SessionScope in a desktop session, or start one with dbus-run-session and a keyring such as gnome-keyring.</source>
        <translation>Aucun service de trousseau ne fonctionne (Secret Service via D-Bus)&#xa0;: il n&apos;y a pas de bus de session D-Bus pour le joindre. Lancez SessionScope dans une session de bureau, ou démarrez-en une avec dbus-run-session et un trousseau comme gnome-keyring.</translation>
    </message>
    <message>
        <source>No keychain service is running (Secret Service over D-Bus): nothing provides org.freedesktop.secrets on the session bus. Start gnome-keyring, KWallet or KeePassXC&apos;s Secret Service integration, then retry.</source>
        <translation>Aucun service de trousseau ne fonctionne (Secret Service via D-Bus)&#xa0;: rien ne fournit org.freedesktop.secrets sur le bus de session. Démarrez gnome-keyring, KWallet ou l&apos;intégration Secret Service de KeePassXC, puis réessayez.</translation>
    </message>
    <message>
        <source>The system keychain is locked, so the secret of %1 cannot be %2. Unlock it (for example in your desktop&apos;s Passwords and Keys application, or by logging in again), then retry.</source>
        <translation>Le trousseau du système est verrouillé&#xa0;: le secret de %1 ne peut donc pas être %2. Déverrouillez-le (par exemple dans l&apos;application Mots de passe et clés de votre bureau, ou en vous reconnectant), puis réessayez.</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lu</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>enregistré</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>The system keychain holds no secret for %1. Enter the secret access key again in the profile&apos;s settings.</source>
        <translation>Le trousseau du système ne contient aucun secret pour %1. Saisissez à nouveau la clé d&apos;accès secrète dans les réglages du profil.</translation>
    </message>
    <message>
        <source>Access to the system keychain was denied by the user, so the secret of %1 is not available.</source>
        <translation>L&apos;utilisateur a refusé l&apos;accès au trousseau du système&#xa0;: le secret de %1 n&apos;est donc pas disponible.</translation>
    </message>
    <message>
        <source>The system keychain denied access to the secret of %1: %2</source>
        <translation>Le trousseau du système a refusé l&apos;accès au secret de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>No keychain service is available on this system: %1</source>
        <translation>Aucun service de trousseau n&apos;est disponible sur ce système&#xa0;: %1</translation>
    </message>
    <message>
        <source>The system keychain is not supported on this platform.</source>
        <translation>Le trousseau du système n&apos;est pas pris en charge sur cette plateforme.</translation>
    </message>
    <message>
        <source>Could not delete the secret of %1 from the system keychain: %2</source>
        <translation>Impossible de supprimer le secret de %1 du trousseau du système&#xa0;: %2</translation>
    </message>
    <message>
        <source>The system keychain failed while handling the secret of %1: %2</source>
        <translation>Le trousseau du système a échoué en traitant le secret de %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;System language</source>
        <translation>Langue du &amp;système</translation>
    </message>
    <message>
        <source>SessionScope will follow the system language the next time it starts.</source>
        <translation>SessionScope suivra la langue du système au prochain démarrage.</translation>
    </message>
    <message>
        <source>SessionScope will use %1 the next time it starts.</source>
        <extracomment>%1 is the name of a language in that language, e.g. &quot;Deutsch&quot; or &quot;日本語&quot;.</extracomment>
        <translation>SessionScope utilisera la langue %1 au prochain démarrage.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Langue</translation>
    </message>
</context>
<context>
    <name>LoginCommand</name>
    <message>
        <source>There is no profile %1 in %2.</source>
        <translation>Il n&apos;y a pas de profil %1 dans %2.</translation>
    </message>
    <message>
        <source>Profile %1 does not use IAM Identity Center, so there is nothing to sign in to: &quot;login&quot; is for profiles with sso_session or sso_start_url.</source>
        <translation>Le profil %1 n&apos;utilise pas IAM Identity Center&#xa0;: il n&apos;y a donc rien à quoi se connecter. «&#xa0;login&#xa0;» sert aux profils avec sso_session ou sso_start_url.</translation>
    </message>
    <message>
        <source>To sign in, open this URL in a browser on any device:

%1

and check that it shows the code:

%2

(Or open %3 and enter the code.) Waiting for the approval; Ctrl-C cancels.</source>
        <translation>Pour vous connecter, ouvrez cette URL dans un navigateur, sur n&apos;importe quel appareil&#xa0;:

%1

et vérifiez qu&apos;elle affiche le code&#xa0;:

%2

(Ou ouvrez %3 et saisissez le code.) En attente de l&apos;approbation&#xa0;; Ctrl-C annule.</translation>
    </message>
    <message>
        <source>Signed in to IAM Identity Center with profile %1 until %2.
</source>
        <translation>Connecté à IAM Identity Center avec le profil %1 jusqu&apos;à %2.
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
        <translation>Sessions et détails</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>The portals could not be loaded. %1</source>
        <translation>Les portails n&apos;ont pas pu être chargés. %1</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>There are no WorkSpaces Secure Browser portals in %1. Check the region of the connection.</source>
        <translation>Il n&apos;y a aucun portail WorkSpaces Secure Browser dans %1. Vérifiez la région de la connexion.</translation>
    </message>
    <message numerus="yes">
        <source>The service sent %n session(s) twice; each is shown once.</source>
        <translation>
            <numerusform>Le service a envoyé %n session en double&#xa0;; elle n&apos;est affichée qu&apos;une fois.</numerusform>
            <numerusform>Le service a envoyé %n sessions en double&#xa0;; chacune n&apos;est affichée qu&apos;une fois.</numerusform>
        </translation>
    </message>
    <message>
        <source>SessionScope — Demo data</source>
        <translation>SessionScope — Données de démo</translation>
    </message>
    <message>
        <source>SessionScope — %1</source>
        <translation>SessionScope — %1</translation>
    </message>
    <message>
        <source>No sessions match these filters.</source>
        <translation>Aucune session ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>This portal has no sessions. Terminated sessions are kept for about 35 days.</source>
        <translation>Ce portail n&apos;a aucune session. Les sessions terminées sont conservées environ 35 jours.</translation>
    </message>
    <message>
        <source>Loading sessions…</source>
        <translation>Chargement des sessions…</translation>
    </message>
    <message>
        <source>No portal to show.</source>
        <translation>Aucun portail à afficher.</translation>
    </message>
    <message>
        <source>%1 The sessions loaded so far stay in the list.</source>
        <translation>%1 Les sessions déjà chargées restent dans la liste.</translation>
    </message>
    <message numerus="yes">
        <source>AWS is limiting requests; retrying in %n s.</source>
        <translation>
            <numerusform>AWS limite les requêtes&#xa0;; nouvel essai dans %n s.</numerusform>
            <numerusform>AWS limite les requêtes&#xa0;; nouvel essai dans %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The network did not answer; retrying in %n s.</source>
        <translation>
            <numerusform>Le réseau n&apos;a pas répondu&#xa0;; nouvel essai dans %n s.</numerusform>
            <numerusform>Le réseau n&apos;a pas répondu&#xa0;; nouvel essai dans %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>AWS had a temporary problem; retrying in %n s.</source>
        <translation>
            <numerusform>AWS a rencontré un problème temporaire&#xa0;; nouvel essai dans %n s.</numerusform>
            <numerusform>AWS a rencontré un problème temporaire&#xa0;; nouvel essai dans %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s) as tab-separated values</source>
        <translation>
            <numerusform>%n ligne copiée en valeurs séparées par des tabulations</numerusform>
            <numerusform>%n lignes copiées en valeurs séparées par des tabulations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n session ID(s)</source>
        <translation>
            <numerusform>%n ID de session copié</numerusform>
            <numerusform>%n ID de session copiés</numerusform>
        </translation>
    </message>
    <message>
        <source>Only active sessions can be expired; none is selected.</source>
        <translation>Seules les sessions actives peuvent être terminées&#xa0;; aucune n&apos;est sélectionnée.</translation>
    </message>
    <message numerus="yes">
        <source>Expired %1 of %n session(s)</source>
        <translation>
            <numerusform>%1 session terminée sur %n</numerusform>
            <numerusform>%1 sessions terminées sur %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Amazon Q Business instance ID</source>
        <translation>ID d&apos;instance Amazon Q Business</translation>
    </message>
    <message>
        <source>Amazon Q Business instance</source>
        <translation>Instance Amazon Q Business</translation>
    </message>
    <message>
        <source>The ID of the Amazon Q Business instance whose Q Apps sessions to read (for profile %1). Leave empty to turn Q App sharing off.</source>
        <translation>L&apos;ID de l&apos;instance Amazon Q Business dont lire les sessions Q Apps (pour le profil %1). Laissez vide pour désactiver le partage Q App.</translation>
    </message>
    <message>
        <source>“%1” is not an Amazon Q Business instance ID (it looks like a1b2c3d4-5678-90ab-cdef-EXAMPLE11111).</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un ID d&apos;instance Amazon Q Business (il ressemble à a1b2c3d4-5678-90ab-cdef-EXAMPLE11111).</translation>
    </message>
    <message>
        <source>Your IAM Identity Center sign-in for profile %1 has expired.</source>
        <translation>Votre connexion IAM Identity Center pour le profil %1 a expiré.</translation>
    </message>
    <message>
        <source>&amp;Sign in again</source>
        <translation>&amp;Se reconnecter</translation>
    </message>
</context>
<context>
    <name>MainWindowActions</name>
    <message>
        <source>&amp;Connection…</source>
        <translation>&amp;Connexion…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Load &amp;all pages</source>
        <translation>Charger &amp;toutes les pages</translation>
    </message>
    <message>
        <source>&amp;Times in UTC</source>
        <translation>&amp;Heures en UTC</translation>
    </message>
    <message>
        <source>&amp;Copy selected rows</source>
        <translation>&amp;Copier les lignes sélectionnées</translation>
    </message>
    <message>
        <source>Copy session &amp;ID</source>
        <translation>Copier l&apos;&amp;ID de session</translation>
    </message>
    <message>
        <source>&amp;Expire selected sessions…</source>
        <translation>&amp;Terminer les sessions sélectionnées…</translation>
    </message>
    <message>
        <source>Expire selected sessions…</source>
        <comment>toolbar button</comment>
        <translation>Terminer les sessions…</translation>
    </message>
    <message>
        <source>Filter by &amp;username</source>
        <translation>Filtrer par &amp;nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>&amp;Effacer les filtres</translation>
    </message>
    <message>
        <source>Go to &amp;sessions</source>
        <translation>Aller aux &amp;sessions</translation>
    </message>
    <message>
        <source>Go to &amp;details</source>
        <translation>Aller aux &amp;détails</translation>
    </message>
    <message>
        <source>Choose &amp;portal</source>
        <translation>Choisir le &amp;portail</translation>
    </message>
    <message>
        <source>Look up a &amp;Q App session</source>
        <translation>Rechercher une session &amp;Q App</translation>
    </message>
    <message>
        <source>Amazon Q &amp;Business instance…</source>
        <translation>Instance Amazon Q &amp;Business…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Données de démo</translation>
    </message>
    <message>
        <source>Connected to the built-in emulator with generated data; nothing here is real.</source>
        <translation>Connecté à l&apos;émulateur intégré avec des données générées&#xa0;; rien n&apos;est réel ici.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
</context>
<context>
    <name>MaxAttemptsResolver</name>
    <message>
        <source>profile %1</source>
        <translation>profil %1</translation>
    </message>
    <message>
        <source>max_attempts (from %1) must be a whole number of at least 1, not &quot;%2&quot;.</source>
        <translation>max_attempts (de %1) doit être un nombre entier d&apos;au moins 1, et non «&#xa0;%2&#xa0;».</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Message severity</source>
        <translation>Gravité du message</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Texte du message</translation>
    </message>
    <message>
        <source>Message action</source>
        <translation>Action du message</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Fermer le message</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>MfaCodeDialog</name>
    <message>
        <source>MFA code</source>
        <translation>Code MFA</translation>
    </message>
    <message>
        <source>Profile “%1” assumes the role %2 (%3). Enter the current code of your MFA device %4.</source>
        <extracomment>%1 the profile, %2 the role&apos;s name, %3 the role&apos;s ARN, %4 the MFA device (ARN or serial number).</extracomment>
        <translation>Le profil «&#xa0;%1&#xa0;» endosse le rôle %2 (%3). Saisissez le code actuel de votre appareil MFA %4.</translation>
    </message>
    <message>
        <source>Six digits from the MFA device %1</source>
        <translation>Six chiffres de l&apos;appareil MFA %1</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 chiffres</translation>
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
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;MFA code:</source>
        <translation>Code &amp;MFA&#xa0;:</translation>
    </message>
</context>
<context>
    <name>NetworkSettings</name>
    <message>
        <source>connection settings</source>
        <translation>réglages de connexion</translation>
    </message>
    <message>
        <source>this is not a proxy URL; write it as http://host:port.</source>
        <translation>ce n&apos;est pas une URL de proxy&#xa0;; écrivez-la sous la forme http://host:port.</translation>
    </message>
    <message>
        <source>proxies are reached over http:// or https://, not %1://.</source>
        <translation>les proxys se joignent par http:// ou https://, pas par %1://.</translation>
    </message>
    <message>
        <source>a proxy URL has no path; write it as http://host:port.</source>
        <translation>une URL de proxy n&apos;a pas de chemin&#xa0;; écrivez-la sous la forme http://host:port.</translation>
    </message>
    <message>
        <source>a proxy URL has no query or fragment; write it as http://host:port.</source>
        <translation>une URL de proxy n&apos;a ni requête ni fragment&#xa0;; écrivez-la sous la forme http://host:port.</translation>
    </message>
    <message>
        <source>“%1” is not a number of seconds.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un nombre de secondes.</translation>
    </message>
    <message>
        <source>a timeout cannot be negative (0 means no limit).</source>
        <translation>un délai ne peut pas être négatif (0 signifie sans limite).</translation>
    </message>
    <message>
        <source>%1 seconds is too long; write 0 for no limit.</source>
        <translation>%1 secondes, c&apos;est trop long&#xa0;; écrivez 0 pour ne fixer aucune limite.</translation>
    </message>
</context>
<context>
    <name>NetworkSettingsGroupBox</name>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>P&amp;arcourir…</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>As the environment says (HTTPS_PROXY, HTTP_PROXY, NO_PROXY)</source>
        <translation>Selon l&apos;environnement (HTTPS_PROXY, HTTP_PROXY, NO_PROXY)</translation>
    </message>
    <message>
        <source>The system&apos;s proxy settings</source>
        <translation>Réglages de proxy du système</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>Aucun proxy</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuel</translation>
    </message>
    <message>
        <source>HTTPS proxy</source>
        <translation>Proxy HTTPS</translation>
    </message>
    <message>
        <source>http://proxy.example.com:3128 — for https:// requests</source>
        <translation>http://proxy.example.com:3128 — pour les requêtes https://</translation>
    </message>
    <message>
        <source>HTTP proxy</source>
        <translation>Proxy HTTP</translation>
    </message>
    <message>
        <source>empty: http:// requests go direct</source>
        <translation>vide&#xa0;: les requêtes http:// partent en direct</translation>
    </message>
    <message>
        <source>No proxy for</source>
        <translation>Sans proxy pour</translation>
    </message>
    <message>
        <source>.corp.example, 10.0.0.0/8, localhost</source>
        <translation>.corp.example, 10.0.0.0/8, localhost</translation>
    </message>
    <message>
        <source>Hosts reached directly, separated by commas: names (with or without a leading dot), IP addresses, CIDR ranges, each with an optional :port; * for all.</source>
        <translation>Hôtes joints directement, séparés par des virgules&#xa0;: noms (avec ou sans point initial), adresses IP, plages CIDR, chacun avec un :port facultatif&#xa0;; * pour tous.</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>Bundle CA</translation>
    </message>
    <message>
        <source>empty: AWS_CA_BUNDLE, the profile&apos;s ca_bundle, the system&apos;s</source>
        <translation>vide&#xa0;: AWS_CA_BUNDLE, le ca_bundle du profil, celui du système</translation>
    </message>
    <message>
        <source>Choose the CA bundle file</source>
        <translation>Choisir le fichier du bundle CA</translation>
    </message>
    <message>
        <source>empty: the profile&apos;s or the default; 0: no limit</source>
        <translation>vide&#xa0;: celui du profil ou la valeur par défaut&#xa0;; 0&#xa0;: sans limite</translation>
    </message>
    <message>
        <source>Connect timeout in seconds</source>
        <translation>Délai de connexion en secondes</translation>
    </message>
    <message>
        <source>default (10)</source>
        <translation>par défaut (10)</translation>
    </message>
    <message>
        <source>Read timeout in seconds</source>
        <translation>Délai de lecture en secondes</translation>
    </message>
    <message>
        <source>default (60)</source>
        <translation>par défaut (60)</translation>
    </message>
    <message>
        <source>Problem with the network settings</source>
        <translation>Problème dans les réglages réseau</translation>
    </message>
    <message>
        <source>Connect timeo&amp;ut (s):</source>
        <translation>Dé&amp;lai de connexion (s)&#xa0;:</translation>
    </message>
    <message>
        <source>Read ti&amp;meout (s):</source>
        <translation>Délai de l&amp;ecture (s)&#xa0;:</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>Pro&amp;xy&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;HTTPS proxy:</source>
        <translation>Proxy &amp;HTTPS&#xa0;:</translation>
    </message>
    <message>
        <source>HTTP pr&amp;oxy:</source>
        <translation>Prox&amp;y HTTP&#xa0;:</translation>
    </message>
    <message>
        <source>No proxy &amp;for:</source>
        <translation>Sans proxy po&amp;ur&#xa0;:</translation>
    </message>
    <message>
        <source>C&amp;A bundle:</source>
        <translation>&amp;Bundle CA&#xa0;:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 a field&apos;s name (&quot;HTTPS proxy&quot;), %2 what is wrong with it</extracomment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>a manual proxy needs an HTTPS or HTTP proxy URL (or choose “No proxy”).</source>
        <translation>un proxy manuel exige une URL de proxy HTTPS ou HTTP (ou choisissez «&#xa0;Aucun proxy&#xa0;»).</translation>
    </message>
    <message>
        <source>the file %1 does not exist.</source>
        <translation>le fichier %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>the file %1 cannot be read.</source>
        <translation>le fichier %1 ne peut pas être lu.</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>Délai de connexion</translation>
    </message>
    <message>
        <source>Read timeout</source>
        <translation>Délai de lecture</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer)</source>
        <translation>Certificats PEM (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>PortalSelector</name>
    <message>
        <source>Portal</source>
        <translation>Portail</translation>
    </message>
    <message>
        <source>P&amp;ortal:</source>
        <translation>P&amp;ortail&#xa0;:</translation>
    </message>
    <message>
        <source>Copy portal ID or ARN</source>
        <translation>Copier l&apos;ID ou l&apos;ARN du portail</translation>
    </message>
    <message>
        <source>Copy the portal&apos;s ID or ARN</source>
        <translation>Copier l&apos;ID ou l&apos;ARN du portail</translation>
    </message>
    <message>
        <source>Copy portal &amp;ID</source>
        <translation>Copier l&apos;&amp;ID du portail</translation>
    </message>
    <message>
        <source>Copy portal &amp;ARN</source>
        <translation>Copier l&apos;&amp;ARN du portail</translation>
    </message>
    <message>
        <source>%1
ID: %2
ARN: %3</source>
        <translation>%1
ID&#xa0;: %2
ARN&#xa0;: %3</translation>
    </message>
    <message>
        <source>Loading portals…</source>
        <translation>Chargement des portails…</translation>
    </message>
    <message>
        <source>Portals could not be loaded</source>
        <translation>Les portails n&apos;ont pas pu être chargés</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No portals in this region</source>
        <translation>Aucun portail dans cette région</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>incomplet</translation>
    </message>
    <message>
        <source>status unknown</source>
        <translation>statut inconnu</translation>
    </message>
</context>
<context>
    <name>PortalsCommand</name>
    <message>
        <source>PORTAL ID</source>
        <translation>ID DU PORTAIL</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUT</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>CRÉÉ</translation>
    </message>
    <message>
        <source>MAX SESSIONS</source>
        <translation>SESSIONS MAX.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
</context>
<context>
    <name>ProfileCredentialsProvider</name>
    <message>
        <source>The profile &quot;%1&quot; was not found in %2.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» est introuvable dans %2.</translation>
    </message>
    <message>
        <source>profile %1 (%2)</source>
        <translation>profil %1 (%2)</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; (%2) has no credentials: set aws_access_key_id and aws_secret_access_key, credential_process, role_arn with source_profile, web_identity_token_file or an IAM Identity Center sign-in (sso_session).</source>
        <translation>Le profil «&#xa0;%1&#xa0;» (%2) n&apos;a pas d&apos;informations d&apos;identification&#xa0;: définissez aws_access_key_id et aws_secret_access_key, credential_process, role_arn avec source_profile, web_identity_token_file ou une connexion IAM Identity Center (sso_session).</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; contains both source_profile and credential_source; keep one of them.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» contient à la fois source_profile et credential_source&#xa0;; n&apos;en gardez qu&apos;un.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has role_arn but neither source_profile nor credential_source to assume the role with.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» a un role_arn mais ni source_profile ni credential_source pour endosser le rôle.</translation>
    </message>
    <message>
        <source>The credential_source &quot;%1&quot; of the profile &quot;%2&quot; is not valid: use Environment, Ec2InstanceMetadata or EcsContainer.</source>
        <translation>La credential_source «&#xa0;%1&#xa0;» du profil «&#xa0;%2&#xa0;» n&apos;est pas valide&#xa0;: utilisez Environment, Ec2InstanceMetadata ou EcsContainer.</translation>
    </message>
    <message>
        <source>The source_profile &quot;%1&quot; named in the profile &quot;%2&quot; does not exist.</source>
        <translation>Le source_profile «&#xa0;%1&#xa0;» désigné dans le profil «&#xa0;%2&#xa0;» n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The profiles&apos; source_profile settings form a loop: %1. Point one of them at a profile with credentials.</source>
        <translation>Les réglages source_profile des profils forment une boucle&#xa0;: %1. Faites pointer l&apos;un d&apos;eux vers un profil avec des informations d&apos;identification.</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>profil %1</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; (%2) has aws_secret_access_key but no aws_access_key_id.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» (%2) a aws_secret_access_key mais pas aws_access_key_id.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; (%2) has aws_access_key_id but no aws_secret_access_key.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» (%2) a aws_access_key_id mais pas aws_secret_access_key.</translation>
    </message>
</context>
<context>
    <name>ProxyAuthenticationHandler</name>
    <message>
        <source>Not connected: the proxy %1 refused the user name and password again. Check them, then connect again.</source>
        <translation>Non connecté&#xa0;: le proxy %1 a de nouveau refusé le nom d&apos;utilisateur et le mot de passe. Vérifiez-les, puis reconnectez-vous.</translation>
    </message>
    <message>
        <source>Not connected: the proxy %1 needs a user name and password.</source>
        <translation>Non connecté&#xa0;: le proxy %1 exige un nom d&apos;utilisateur et un mot de passe.</translation>
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
        <translation>&amp;Mémoriser dans le trousseau</translation>
    </message>
    <message>
        <source>Proxy sign-in</source>
        <translation>Connexion au proxy</translation>
    </message>
    <message>
        <source>The proxy %1 did not accept the user name and password. Enter them again.</source>
        <extracomment>%1 the proxy&apos;s host and port (&quot;proxy.corp.example:3128&quot;)</extracomment>
        <translation>Le proxy %1 n&apos;a pas accepté le nom d&apos;utilisateur et le mot de passe. Saisissez-les à nouveau.</translation>
    </message>
    <message>
        <source>The proxy %1 needs a user name and password before SessionScope can reach AWS.</source>
        <translation>Le proxy %1 exige un nom d&apos;utilisateur et un mot de passe pour que SessionScope puisse joindre AWS.</translation>
    </message>
    <message>
        <source>Proxy user name</source>
        <translation>Nom d&apos;utilisateur du proxy</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>Mot de passe du proxy</translation>
    </message>
    <message>
        <source>Remember in the keychain</source>
        <translation>Mémoriser dans le trousseau</translation>
    </message>
    <message>
        <source>Keep the user name and password in the system keychain for the next time this proxy asks.</source>
        <translation>Conserver le nom d&apos;utilisateur et le mot de passe dans le trousseau du système pour la prochaine fois que ce proxy les demandera.</translation>
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
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d&apos;&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ProxySettings</name>
    <message>
        <source>The proxy &quot;%1&quot;%2 is not a URL with a host, such as http://proxy.example.com:3128.</source>
        <extracomment>%1 the proxy URL (without its password), %2 where it was set, e.g. &quot; (HTTPS_PROXY)&quot;</extracomment>
        <translation>Le proxy «&#xa0;%1&#xa0;»%2 n&apos;est pas une URL avec un hôte, comme http://proxy.example.com:3128.</translation>
    </message>
    <message>
        <source>The proxy &quot;%1&quot;%2 is reached over https, which SessionScope cannot do; use http://, through which https requests are still encrypted end to end.</source>
        <translation>Le proxy «&#xa0;%1&#xa0;»%2 se joint en https, ce que SessionScope ne sait pas faire&#xa0;; utilisez http://, par lequel les requêtes https restent chiffrées de bout en bout.</translation>
    </message>
    <message>
        <source>The proxy &quot;%1&quot;%2 has the scheme &quot;%3&quot;; SessionScope speaks to http:// and socks5:// proxies.</source>
        <translation>Le proxy «&#xa0;%1&#xa0;»%2 a le schéma «&#xa0;%3&#xa0;»&#xa0;; SessionScope communique avec les proxys http:// et socks5://.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>the system&apos;s proxy settings</source>
        <translation>les réglages de proxy du système</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>direct</translation>
    </message>
    <message>
        <source>https: %1, http: %2</source>
        <extracomment>%1 the proxy of https requests, %2 the one of http requests (a URL or &quot;direct&quot;)</extracomment>
        <translation>https&#xa0;: %1, http&#xa0;: %2</translation>
    </message>
    <message>
        <source>; not for: %1</source>
        <extracomment>%1 the NO_PROXY entries, comma-separated</extracomment>
        <translation>&#xa0;; sauf pour&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ProxyTunnelProbe</name>
    <message>
        <source>no answer in time</source>
        <translation>pas de réponse à temps</translation>
    </message>
</context>
<context>
    <name>QAppSharingSection</name>
    <message>
        <source>Not set</source>
        <translation>Non défini</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non défini</translation>
    </message>
    <message>
        <source>Q App sharing</source>
        <translation>Partage Q App</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>Q App session name</source>
        <translation>Nom de la session Q App</translation>
    </message>
    <message>
        <source>Q App session ARN</source>
        <translation>ARN de la session Q App</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Partage</translation>
    </message>
    <message>
        <source>Accepts responses</source>
        <translation>Accepte les réponses</translation>
    </message>
    <message>
        <source>Reveals cards</source>
        <translation>Révèle les cartes</translation>
    </message>
    <message>
        <source>Owned by you</source>
        <translation>Vous appartient</translation>
    </message>
    <message>
        <source>Q App session ID to look up</source>
        <translation>ID de session Q App à rechercher</translation>
    </message>
    <message>
        <source>Any Q App session ID</source>
        <translation>N&apos;importe quel ID de session Q App</translation>
    </message>
    <message>
        <source>Look up Q App session</source>
        <translation>Rechercher la session Q App</translation>
    </message>
    <message>
        <source>Q App session shown</source>
        <translation>Session Q App affichée</translation>
    </message>
    <message>
        <source>Session name:</source>
        <translation>Nom de la session&#xa0;:</translation>
    </message>
    <message>
        <source>Session ARN:</source>
        <translation>ARN de la session&#xa0;:</translation>
    </message>
    <message>
        <source>Sharing:</source>
        <translation>Partage&#xa0;:</translation>
    </message>
    <message>
        <source>Accepts responses:</source>
        <translation>Accepte les réponses&#xa0;:</translation>
    </message>
    <message>
        <source>Reveals cards:</source>
        <translation>Révèle les cartes&#xa0;:</translation>
    </message>
    <message>
        <source>Owned by you:</source>
        <translation>Vous appartient&#xa0;:</translation>
    </message>
    <message>
        <source>Q App session %1</source>
        <translation>Session Q App %1</translation>
    </message>
    <message>
        <source>Select a session, or type a Q App session ID above.</source>
        <translation>Sélectionnez une session, ou saisissez un ID de session Q App ci-dessus.</translation>
    </message>
    <message>
        <source>Not configured: reading Q App sharing settings needs the ID of your Amazon Q Business instance.</source>
        <translation>Non configuré&#xa0;: la lecture des réglages de partage Q App nécessite l&apos;ID de votre instance Amazon Q Business.</translation>
    </message>
    <message>
        <source>No Q App session can have this ID: Q App session IDs are lower-case UUIDs.</source>
        <translation>Aucune session Q App ne peut avoir cet ID&#xa0;: les ID de session Q App sont des UUID en minuscules.</translation>
    </message>
    <message>
        <source>Loading the Q App session…</source>
        <translation>Chargement de la session Q App…</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>On: the session is shared</source>
        <translation>Activé&#xa0;: la session est partagée</translation>
    </message>
    <message>
        <source>Off: not shared</source>
        <translation>Désactivé&#xa0;: non partagée</translation>
    </message>
    <message>
        <source>On: accepts responses</source>
        <translation>Activé&#xa0;: accepte les réponses</translation>
    </message>
    <message>
        <source>Off: does not accept responses</source>
        <translation>Désactivé&#xa0;: n&apos;accepte pas les réponses</translation>
    </message>
    <message>
        <source>On: reveals cards</source>
        <translation>Activé&#xa0;: révèle les cartes</translation>
    </message>
    <message>
        <source>Off: does not reveal cards</source>
        <translation>Désactivé&#xa0;: ne révèle pas les cartes</translation>
    </message>
    <message>
        <source>Yes, you own this session</source>
        <translation>Oui, cette session vous appartient</translation>
    </message>
    <message>
        <source>No, another user owns this session</source>
        <translation>Non, cette session appartient à un autre utilisateur</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>Non communiqué</translation>
    </message>
    <message>
        <source>No Q App session with this ID in Amazon Q Business instance %1.</source>
        <translation>Aucune session Q App avec cet ID dans l&apos;instance Amazon Q Business %1.</translation>
    </message>
    <message>
        <source>Set i&amp;nstance ID…</source>
        <translation>Définir l&apos;ID d&apos;&amp;instance…</translation>
    </message>
    <message>
        <source>Change i&amp;nstance ID…</source>
        <translation>Changer l&apos;ID d&apos;&amp;instance…</translation>
    </message>
</context>
<context>
    <name>QAppsClient</name>
    <message>
        <source>The Amazon Q Business instance id &quot;%1&quot; is not valid: it must be 1 to 256 visible ASCII characters.</source>
        <translation>L&apos;ID d&apos;instance Amazon Q Business «&#xa0;%1&#xa0;» n&apos;est pas valide&#xa0;: il doit compter de 1 à 256 caractères ASCII visibles.</translation>
    </message>
    <message>
        <source>The Q Apps session id &quot;%1&quot; is not valid: it must be a lower-case UUID version 4 (xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx).</source>
        <translation>L&apos;ID de session Q Apps «&#xa0;%1&#xa0;» n&apos;est pas valide&#xa0;: il doit être un UUID version 4 en minuscules (xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx).</translation>
    </message>
    <message>
        <source>The session name is longer than 100 characters (it has %1).</source>
        <translation>Le nom de la session dépasse 100 caractères (il en compte %1).</translation>
    </message>
</context>
<context>
    <name>RegionResolver</name>
    <message>
        <source>profile %1</source>
        <translation>profil %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (from %2) is an Availability Zone, not a region; use &quot;%3&quot;.</source>
        <translation>«&#xa0;%1&#xa0;» (de %2) est une zone de disponibilité, pas une région&#xa0;; utilisez «&#xa0;%3&#xa0;».</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (from %2) is not an AWS region name such as us-east-1 or eu-west-1.</source>
        <translation>«&#xa0;%1&#xa0;» (de %2) n&apos;est pas un nom de région AWS comme us-east-1 ou eu-west-1.</translation>
    </message>
    <message>
        <source>No AWS region is set. Choose one with --region, set AWS_REGION, or add &quot;region = us-east-1&quot; to profile %1 in %2 (for example: aws configure set region us-east-1 --profile %1).</source>
        <translation>Aucune région AWS n&apos;est définie. Choisissez-en une avec --region, définissez AWS_REGION, ou ajoutez «&#xa0;region = us-east-1&#xa0;» au profil %1 dans %2 (par exemple&#xa0;: aws configure set region us-east-1 --profile %1).</translation>
    </message>
</context>
<context>
    <name>RetryModeResolver</name>
    <message>
        <source>profile %1</source>
        <translation>profil %1</translation>
    </message>
    <message>
        <source>retry_mode (from %1) must be legacy, standard or adaptive, not &quot;%2&quot;.</source>
        <extracomment>%1 where the value came from (AWS_RETRY_MODE, &quot;profile dev&quot;), %2 the value.</extracomment>
        <translation>retry_mode (de %1) doit valoir legacy, standard ou adaptive, et non «&#xa0;%2&#xa0;».</translation>
    </message>
</context>
<context>
    <name>SectionStatePanel</name>
    <message>
        <source>Section state</source>
        <translation>État de la section</translation>
    </message>
    <message>
        <source>State icon</source>
        <translation>Icône d&apos;état</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Chargement</translation>
    </message>
    <message>
        <source>Section action</source>
        <translation>Action de la section</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
</context>
<context>
    <name>ServiceGateway</name>
    <message>
        <source>This connection cannot ask AWS who its credentials belong to.</source>
        <translation>Cette connexion ne peut pas demander à AWS à qui appartiennent ses informations d&apos;identification.</translation>
    </message>
</context>
<context>
    <name>SessionCommand</name>
    <message>
        <source>FIELD</source>
        <translation>CHAMP</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>VALEUR</translation>
    </message>
</context>
<context>
    <name>SessionDetailPane</name>
    <message>
        <source>Session details</source>
        <translation>Détails de la session</translation>
    </message>
    <message>
        <source>No session selected</source>
        <translation>Aucune session sélectionnée</translation>
    </message>
    <message>
        <source>Select a session to see its details, client IP addresses and Q App sharing settings.</source>
        <translation>Sélectionnez une session pour voir ses détails, les adresses IP du client et les réglages de partage Q App.</translation>
    </message>
</context>
<context>
    <name>SessionExporter</name>
    <message>
        <source>Choose a portal to export its sessions.</source>
        <translation>Choisissez un portail pour exporter ses sessions.</translation>
    </message>
    <message>
        <source>The client IP address column needs a connection to WorkSpaces Web.</source>
        <translation>La colonne des adresses IP du client nécessite une connexion à WorkSpaces Web.</translation>
    </message>
    <message>
        <source>The Q App sharing columns need an Amazon Q Business instance id. Set it in the connection settings (or with --instance-id).</source>
        <translation>Les colonnes de partage Q App nécessitent un ID d&apos;instance Amazon Q Business. Définissez-le dans les réglages de connexion (ou avec --instance-id).</translation>
    </message>
    <message>
        <source>The service sent a page token it had already sent for this list; the export stopped to avoid an endless loop.</source>
        <translation>Le service a renvoyé un jeton de page déjà envoyé pour cette liste&#xa0;; l&apos;export s&apos;est arrêté pour éviter une boucle sans fin.</translation>
    </message>
    <message>
        <source>The service sent %1 pages in a row without a new session; the export stopped.</source>
        <translation>Le service a envoyé %1 pages d&apos;affilée sans nouvelle session&#xa0;; l&apos;export s&apos;est arrêté.</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>L&apos;export a été annulé.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n session(s) to %1.</source>
        <translation>
            <numerusform>%n session exportée vers %1.</numerusform>
            <numerusform>%n sessions exportées vers %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The export was cancelled after %n session(s); no file was written.</source>
        <translation>
            <numerusform>L&apos;export a été annulé après %n session&#xa0;; aucun fichier n&apos;a été écrit.</numerusform>
            <numerusform>L&apos;export a été annulé après %n sessions&#xa0;; aucun fichier n&apos;a été écrit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The export failed after %n session(s): %1 No file was written.</source>
        <translation>
            <numerusform>L&apos;export a échoué après %n session&#xa0;: %1 Aucun fichier n&apos;a été écrit.</numerusform>
            <numerusform>L&apos;export a échoué après %n sessions&#xa0;: %1 Aucun fichier n&apos;a été écrit.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionFilterBar</name>
    <message>
        <source>Session filters</source>
        <translation>Filtres de session</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtre de statut</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Nom d&apos;&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Username filter</source>
        <translation>Filtre de nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Exact username (Ctrl+F)</source>
        <translation>Nom d&apos;utilisateur exact (Ctrl+F)</translation>
    </message>
    <message>
        <source>Shows only the sessions of this user. The service matches the whole username exactly.</source>
        <translation>Affiche seulement les sessions de cet utilisateur. Le service compare le nom d&apos;utilisateur entier à l&apos;identique.</translation>
    </message>
    <message>
        <source>Session &amp;ID:</source>
        <translation>&amp;ID de session&#xa0;:</translation>
    </message>
    <message>
        <source>Session ID lookup</source>
        <translation>Recherche d&apos;ID de session</translation>
    </message>
    <message>
        <source>Look up one session</source>
        <translation>Rechercher une session</translation>
    </message>
    <message>
        <source>Session ID problem</source>
        <translation>Problème d&apos;ID de session</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Show all sessions of the portal</source>
        <translation>Afficher toutes les sessions du portail</translation>
    </message>
    <message>
        <source>A session ID is 36 letters, digits or dashes</source>
        <translation>Un ID de session compte 36 lettres, chiffres ou tirets</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>&amp;Statut&#xa0;:</translation>
    </message>
</context>
<context>
    <name>SessionListLister</name>
    <message>
        <source>Invalid page token.</source>
        <translation>Jeton de page non valide.</translation>
    </message>
</context>
<context>
    <name>SessionStatusLine</name>
    <message>
        <source>Load &amp;all</source>
        <translation>&amp;Tout charger</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Session list status</source>
        <translation>État de la liste des sessions</translation>
    </message>
    <message>
        <source>Sessions loaded</source>
        <translation>Sessions chargées</translation>
    </message>
    <message>
        <source>Loading sessions</source>
        <translation>Chargement des sessions</translation>
    </message>
    <message>
        <source>Load all sessions</source>
        <translation>Charger toutes les sessions</translation>
    </message>
    <message>
        <source>Load every page of this list (needed to sort by columns other than Start time)</source>
        <translation>Charger toutes les pages de cette liste (nécessaire pour trier par une autre colonne que l&apos;heure de début)</translation>
    </message>
    <message>
        <source>Cancel loading all sessions</source>
        <translation>Annuler le chargement de toutes les sessions</translation>
    </message>
    <message>
        <source>No portal selected</source>
        <translation>Aucun portail sélectionné</translation>
    </message>
    <message>
        <source>Sessions loaded: %L1</source>
        <translation>Sessions chargées&#xa0;: %L1</translation>
    </message>
    <message>
        <source>%1 — loading all…</source>
        <translation>%1 — chargement de tout…</translation>
    </message>
    <message>
        <source>%1 — loading more…</source>
        <translation>%1 — chargement de la suite…</translation>
    </message>
    <message>
        <source>%1 — more available</source>
        <translation>%1 — d&apos;autres disponibles</translation>
    </message>
    <message>
        <source>%1 — all loaded</source>
        <translation>%1 — tout est chargé</translation>
    </message>
</context>
<context>
    <name>SessionSummary</name>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
</context>
<context>
    <name>SessionSummarySection</name>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>ID de session</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Heure de début</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Heure de fin</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Portal ARN</source>
        <translation>ARN du portail</translation>
    </message>
    <message>
        <source>Session ID:</source>
        <translation>ID de session&#xa0;:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Nom d&apos;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statut&#xa0;:</translation>
    </message>
    <message>
        <source>Start time:</source>
        <translation>Heure de début&#xa0;:</translation>
    </message>
    <message>
        <source>End time:</source>
        <translation>Heure de fin&#xa0;:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Durée&#xa0;:</translation>
    </message>
    <message>
        <source>Portal ARN:</source>
        <translation>ARN du portail&#xa0;:</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>Non communiqué</translation>
    </message>
    <message>
        <source>Still running</source>
        <translation>Toujours en cours</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message numerus="yes">
        <source>The service sent a page token it had already sent for this list, so loading stopped to avoid an endless loop (%n session(s) loaded).</source>
        <translation>
            <numerusform>Le service a renvoyé un jeton de page déjà envoyé pour cette liste&#xa0;; le chargement s&apos;est arrêté pour éviter une boucle sans fin (%n session chargée).</numerusform>
            <numerusform>Le service a renvoyé un jeton de page déjà envoyé pour cette liste&#xa0;; le chargement s&apos;est arrêté pour éviter une boucle sans fin (%n sessions chargées).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The service sent %1 pages in a row without a new session, so loading stopped (%n session(s) loaded).</source>
        <translation>
            <numerusform>Le service a envoyé %1 pages d&apos;affilée sans nouvelle session&#xa0;; le chargement s&apos;est arrêté (%n session chargée).</numerusform>
            <numerusform>Le service a envoyé %1 pages d&apos;affilée sans nouvelle session&#xa0;; le chargement s&apos;est arrêté (%n sessions chargées).</numerusform>
        </translation>
    </message>
    <message>
        <source>Still active</source>
        <translation>Toujours active</translation>
    </message>
    <message>
        <source>%1 s so far, since %2</source>
        <translation>%1 s jusqu&apos;ici, depuis %2</translation>
    </message>
    <message>
        <source>%1 s, from %2 to %3</source>
        <translation>%1 s, de %2 à %3</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>ID de session</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Start time (UTC)</source>
        <translation>Heure de début (UTC)</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Heure de début</translation>
    </message>
    <message>
        <source>End time (UTC)</source>
        <translation>Heure de fin (UTC)</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Heure de fin</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Sorted by the service. Times in UTC.</source>
        <translation>Trié par le service. Heures en UTC.</translation>
    </message>
    <message>
        <source>Sorted by the service. Times in local time (%1).</source>
        <translation>Trié par le service. Heures locales (%1).</translation>
    </message>
    <message>
        <source>Times in UTC.</source>
        <translation>Heures en UTC.</translation>
    </message>
    <message>
        <source>Times in local time (%1).</source>
        <translation>Heures locales (%1).</translation>
    </message>
    <message>
        <source>Sortable once every page is loaded.</source>
        <translation>Triable une fois toutes les pages chargées.</translation>
    </message>
    <message numerus="yes">
        <source>Sorting by %1 needs every page loaded (%n session(s) loaded so far). Load all pages first; start time can always be sorted.</source>
        <translation>
            <numerusform>Trier par %1 nécessite toutes les pages (%n session chargée jusqu&apos;ici). Chargez d&apos;abord toutes les pages&#xa0;; l&apos;heure de début peut toujours être triée.</numerusform>
            <numerusform>Trier par %1 nécessite toutes les pages (%n sessions chargées jusqu&apos;ici). Chargez d&apos;abord toutes les pages&#xa0;; l&apos;heure de début peut toujours être triée.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionTableView</name>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Session rows</source>
        <translation>Lignes de sessions</translation>
    </message>
    <message>
        <source>Session columns</source>
        <translation>Colonnes de sessions</translation>
    </message>
    <message>
        <source>Sort &amp;by</source>
        <translation>T&amp;rier par</translation>
    </message>
    <message>
        <source>Session &amp;ID</source>
        <translation>&amp;ID de session</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Statut</translation>
    </message>
    <message>
        <source>Start &amp;time</source>
        <translation>Heure de &amp;début</translation>
    </message>
    <message>
        <source>&amp;End time</source>
        <translation>Heure de &amp;fin</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>D&amp;urée</translation>
    </message>
</context>
<context>
    <name>SessionWriter</name>
    <message>
        <source>the output is not open for writing</source>
        <translation>la sortie n&apos;est pas ouverte en écriture</translation>
    </message>
    <message>
        <source>the write failed</source>
        <translation>l&apos;écriture a échoué</translation>
    </message>
</context>
<context>
    <name>SessionsCommand</name>
    <message>
        <source>--format table writes to the terminal; use csv, json or jsonl with --output</source>
        <translation>--format table écrit dans le terminal&#xa0;; utilisez csv, json ou jsonl avec --output</translation>
    </message>
    <message>
        <source>could not start the export</source>
        <translation>impossible de démarrer l&apos;export</translation>
    </message>
    <message numerus="yes">
        <source>after %n session(s) were written</source>
        <translation>
            <numerusform>après l&apos;écriture de %n session</numerusform>
            <numerusform>après l&apos;écriture de %n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>after %n session(s); no file was written</source>
        <translation>
            <numerusform>après %n session&#xa0;; aucun fichier n&apos;a été écrit</numerusform>
            <numerusform>après %n sessions&#xa0;; aucun fichier n&apos;a été écrit</numerusform>
        </translation>
    </message>
    <message>
        <source>error: %1 (%2)</source>
        <extracomment>%1 is the error, %2 what became of the output (&quot;after 5 sessions were written&quot;).</extracomment>
        <translation>erreur&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>%1, %2, %3 s, %4 sessions/s</source>
        <extracomment>Progress on the terminal: %1 sessions written, %2 pages fetched, %3 seconds, %4 sessions per second.</extracomment>
        <translation>%1, %2, %3 s, %4 sessions/s</translation>
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
            <numerusform>, %Ln recherche</numerusform>
            <numerusform>, %Ln recherches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%Ln throttled, slowed down)</source>
        <translation>
            <numerusform> (%Ln limitée, ralenti)</numerusform>
            <numerusform> (%Ln limitées, ralenti)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SharedConfig</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 et %2</translation>
    </message>
</context>
<context>
    <name>SharedConfigFile</name>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1, ligne %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>expected an indented &quot;key = value&quot; setting under &quot;%1&quot;.</source>
        <translation>un réglage «&#xa0;key = value&#xa0;» indenté était attendu sous «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>a section header is missing its closing &quot;]&quot;.</source>
        <translation>il manque le «&#xa0;]&#xa0;» fermant d&apos;un en-tête de section.</translation>
    </message>
    <message>
        <source>unexpected text after the section header.</source>
        <translation>texte inattendu après l&apos;en-tête de section.</translation>
    </message>
    <message>
        <source>the section header has no name.</source>
        <translation>l&apos;en-tête de section n&apos;a pas de nom.</translation>
    </message>
    <message>
        <source>a setting appears before the first [section] header.</source>
        <translation>un réglage apparaît avant le premier en-tête [section].</translation>
    </message>
    <message>
        <source>expected &quot;key = value&quot;, a [section] header or a comment.</source>
        <translation>«&#xa0;key = value&#xa0;», un en-tête [section] ou un commentaire était attendu.</translation>
    </message>
    <message>
        <source>a setting has no name before &quot;=&quot;.</source>
        <translation>un réglage n&apos;a pas de nom avant «&#xa0;=&#xa0;».</translation>
    </message>
    <message>
        <source>%1 is a folder, not an AWS configuration file.</source>
        <translation>%1 est un dossier, pas un fichier de configuration AWS.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is too large to be an AWS configuration file.</source>
        <translation>%1 est trop volumineux pour être un fichier de configuration AWS.</translation>
    </message>
</context>
<context>
    <name>SharingCommand</name>
    <message>
        <source>not set</source>
        <translation>non défini</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>FIELD</source>
        <translation>CHAMP</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>VALEUR</translation>
    </message>
    <message>
        <source>sharing enabled</source>
        <translation>partage activé</translation>
    </message>
    <message>
        <source>accepts responses</source>
        <translation>accepte les réponses</translation>
    </message>
    <message>
        <source>reveals cards</source>
        <translation>révèle les cartes</translation>
    </message>
    <message>
        <source>you own it</source>
        <translation>vous en êtes propriétaire</translation>
    </message>
</context>
<context>
    <name>ShortcutCatalog</name>
    <message>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <source>when %1 has the focus</source>
        <translation>quand %1 a le focus</translation>
    </message>
    <message>
        <source>%1, then %2</source>
        <translation>%1, puis %2</translation>
    </message>
    <message>
        <source>%1 menu</source>
        <translation>Menu %1</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1&#xa0;; %2</translation>
    </message>
    <message>
        <source>Open the %1 menu</source>
        <translation>Ouvrir le menu %1</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>Barre de menus</translation>
    </message>
    <message>
        <source>Anywhere in the window</source>
        <translation>Partout dans la fenêtre</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>Aller à %1</translation>
    </message>
    <message>
        <source>Go to the next control</source>
        <translation>Aller au contrôle suivant</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>Partout</translation>
    </message>
    <message>
        <source>Go to the previous control</source>
        <translation>Aller au contrôle précédent</translation>
    </message>
    <message>
        <source>Press the focused button or tick the focused box</source>
        <translation>Activer le bouton ou cocher la case qui a le focus</translation>
    </message>
    <message>
        <source>Move through a list (the session list loads more at its end)</source>
        <translation>Se déplacer dans une liste (la liste des sessions en charge davantage à la fin)</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Listes</translation>
    </message>
    <message>
        <source>Select several sessions</source>
        <translation>Sélectionner plusieurs sessions</translation>
    </message>
    <message>
        <source>Session list</source>
        <translation>Liste des sessions</translation>
    </message>
    <message>
        <source>Close a dialog, menu or drop-down list</source>
        <translation>Fermer une boîte de dialogue, un menu ou une liste déroulante</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Rechercher&#xa0;:</translation>
    </message>
    <message>
        <source>Search shortcuts</source>
        <translation>Rechercher dans les raccourcis</translation>
    </message>
    <message>
        <source>A command, a key or a menu, e.g. “copy” or “Ctrl”</source>
        <translation>Une commande, une touche ou un menu, p. ex. «&#xa0;copier&#xa0;» ou «&#xa0;Ctrl&#xa0;»</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>No matching shortcut</source>
        <translation>Aucun raccourci correspondant</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>No shortcut; reach it through the menu: %1</source>
        <translation>Aucun raccourci&#xa0;; accessible par le menu&#xa0;: %1</translation>
    </message>
    <message>
        <source>No command, key or place matches “%1”.</source>
        <translation>Aucune commande, touche ni emplacement ne correspond à «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>SsoCredentialsProvider</name>
    <message>
        <source>The IAM Identity Center sign-in for profile %1 has expired. Sign in again: sessionscope-cli login --profile %1 (or aws sso login --profile %1).</source>
        <translation>La connexion IAM Identity Center du profil %1 a expiré. Reconnectez-vous&#xa0;: sessionscope-cli login --profile %1 (ou aws sso login --profile %1).</translation>
    </message>
    <message>
        <source>IAM Identity Center profile %1</source>
        <translation>profil IAM Identity Center %1</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; is configured to use SSO but is missing required configuration: %2</source>
        <translation>Le profil «&#xa0;%1&#xa0;» est configuré pour utiliser SSO, mais il manque une configuration requise&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>SsoDeviceLogin</name>
    <message>
        <source>The IAM Identity Center sign-in was cancelled.</source>
        <translation>La connexion IAM Identity Center a été annulée.</translation>
    </message>
    <message>
        <source>The sign-in code expired before it was approved. Start the sign-in again.</source>
        <translation>Le code de connexion a expiré avant d&apos;être approuvé. Recommencez la connexion.</translation>
    </message>
    <message>
        <source>The IAM Identity Center sign-in was refused.</source>
        <translation>La connexion IAM Identity Center a été refusée.</translation>
    </message>
</context>
<context>
    <name>SsoOidcClient</name>
    <message>
        <source>IAM Identity Center answered %1 with something other than a JSON object.</source>
        <translation>IAM Identity Center a répondu à %1 par autre chose qu&apos;un objet JSON.</translation>
    </message>
    <message>
        <source>IAM Identity Center answered %1 without a valid &quot;%2&quot;.</source>
        <translation>IAM Identity Center a répondu à %1 sans «&#xa0;%2&#xa0;» valide.</translation>
    </message>
</context>
<context>
    <name>SsoPortalClient</name>
    <message>
        <source>IAM Identity Center answered GetRoleCredentials without a valid &quot;%1&quot;.</source>
        <translation>IAM Identity Center a répondu à GetRoleCredentials sans «&#xa0;%1&#xa0;» valide.</translation>
    </message>
</context>
<context>
    <name>SsoProfile</name>
    <message>
        <source>The config profile (%1) could not be found in %2.</source>
        <translation>Le profil de configuration (%1) est introuvable dans %2.</translation>
    </message>
    <message>
        <source>The specified sso-session does not exist: &quot;%1&quot; (profile %2 names it; add an [sso-session %1] section to %3).</source>
        <translation>La sso-session indiquée n&apos;existe pas&#xa0;: «&#xa0;%1&#xa0;» (le profil %2 la désigne&#xa0;; ajoutez une section [sso-session %1] à %3).</translation>
    </message>
    <message>
        <source>The value for %1 is inconsistent between profile (%2) and sso-session (%3).</source>
        <translation>La valeur de %1 diffère entre le profil (%2) et la sso-session (%3).</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; is not configured for IAM Identity Center: it has neither sso_session nor sso_start_url.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» n&apos;est pas configuré pour IAM Identity Center&#xa0;: il n&apos;a ni sso_session ni sso_start_url.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; is configured to use SSO but is missing required configuration: %2</source>
        <translation>Le profil «&#xa0;%1&#xa0;» est configuré pour utiliser SSO, mais il manque une configuration requise&#xa0;: %2</translation>
    </message>
    <message>
        <source>The sso_region &quot;%1&quot; of profile &quot;%2&quot; is not a region name such as us-east-1.</source>
        <translation>La sso_region «&#xa0;%1&#xa0;» du profil «&#xa0;%2&#xa0;» n&apos;est pas un nom de région tel que us-east-1.</translation>
    </message>
</context>
<context>
    <name>SsoRegistrationCache</name>
    <message>
        <source>The IAM Identity Center client registration file %1 is not a registration.</source>
        <translation>Le fichier d&apos;enregistrement du client IAM Identity Center %1 n&apos;est pas un enregistrement.</translation>
    </message>
</context>
<context>
    <name>SsoSignInDialog</name>
    <message>
        <source>Cop&amp;y code</source>
        <translation>Copier le &amp;code</translation>
    </message>
    <message>
        <source>&amp;Open the sign-in page again</source>
        <translation>&amp;Rouvrir la page de connexion</translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation>Copier le &amp;lien</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Sign in to IAM Identity Center</source>
        <translation>Se connecter à IAM Identity Center</translation>
    </message>
    <message>
        <source>Signing in profile “%1” to IAM Identity Center.</source>
        <extracomment>%1 the profile, %2 the AWS access portal URL</extracomment>
        <translation>Connexion du profil «&#xa0;%1&#xa0;» à IAM Identity Center.</translation>
    </message>
    <message>
        <source>Signing in profile “%1” to IAM Identity Center at %2.</source>
        <translation>Connexion du profil «&#xa0;%1&#xa0;» à IAM Identity Center sur %2.</translation>
    </message>
    <message>
        <source>Code to confirm</source>
        <translation>Code à confirmer</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copier le code</translation>
    </message>
    <message>
        <source>Open the sign-in page again</source>
        <translation>Rouvrir la page de connexion</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>État de la connexion</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Asking IAM Identity Center for a sign-in code…</source>
        <translation>Demande d&apos;un code de connexion à IAM Identity Center…</translation>
    </message>
    <message>
        <source>Your browser shows the sign-in page. Check that it shows this code, sign in and allow access. If no page opened, go to %1 and enter the code.</source>
        <extracomment>%1 the verification page (without the code), e.g. https://device.sso.us-east-1.amazonaws.com/</extracomment>
        <translation>Votre navigateur affiche la page de connexion. Vérifiez qu&apos;elle affiche ce code, connectez-vous et autorisez l&apos;accès. Si aucune page ne s&apos;est ouverte, allez sur %1 et saisissez le code.</translation>
    </message>
    <message>
        <source>Waiting for you to allow access in the browser…</source>
        <translation>En attente de votre autorisation dans le navigateur…</translation>
    </message>
    <message>
        <source>Waiting for you to allow access in the browser (the code works until %1)…</source>
        <translation>En attente de votre autorisation dans le navigateur (le code est valable jusqu&apos;à %1)…</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Connecté.</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>Non connecté&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>The browser could not be opened. Copy the link and open it yourself, or go to %1 and enter the code.</source>
        <translation>Le navigateur n&apos;a pas pu être ouvert. Copiez le lien et ouvrez-le vous-même, ou allez sur %1 et saisissez le code.</translation>
    </message>
</context>
<context>
    <name>SsoTokenCache</name>
    <message>
        <source>The IAM Identity Center token cache file %1 has no valid &quot;%2&quot;. Sign in again to replace it.</source>
        <translation>Le fichier de cache de jetons IAM Identity Center %1 n&apos;a pas de «&#xa0;%2&#xa0;» valide. Reconnectez-vous pour le remplacer.</translation>
    </message>
</context>
<context>
    <name>StaticCredentialsProvider</name>
    <message>
        <source>The access key id or the secret access key is empty.</source>
        <translation>L&apos;ID de clé d&apos;accès ou la clé d&apos;accès secrète est vide.</translation>
    </message>
</context>
<context>
    <name>StsClient</name>
    <message>
        <source>STS answered GetCallerIdentity without an Arn.</source>
        <translation>STS a répondu à GetCallerIdentity sans Arn.</translation>
    </message>
    <message>
        <source>STS answered %1 with something that is not its XML answer.</source>
        <translation>STS a répondu à %1 par autre chose que sa réponse XML.</translation>
    </message>
    <message>
        <source>STS answered %1 without complete credentials (access key id, secret, session token and expiration).</source>
        <translation>STS a répondu à %1 sans informations d&apos;identification complètes (ID de clé d&apos;accès, secret, jeton de session et expiration).</translation>
    </message>
</context>
<context>
    <name>TableSessionWriter</name>
    <message>
        <source>SESSION ID</source>
        <translation>ID DE SESSION</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUT</translation>
    </message>
    <message>
        <source>START</source>
        <translation>DÉBUT</translation>
    </message>
    <message>
        <source>END</source>
        <translation>FIN</translation>
    </message>
    <message>
        <source>USERNAME</source>
        <translation>NOM D&apos;UTILISATEUR</translation>
    </message>
</context>
<context>
    <name>TerminalPrompts</name>
    <message>
        <source>Not signed in: the MFA code was not entered.</source>
        <translation>Non connecté&#xa0;: le code MFA n&apos;a pas été saisi.</translation>
    </message>
    <message>
        <source>Profile %1 needs a code from the MFA device %2, but %3 Run the command once from a terminal (the role&apos;s credentials are then cached in ~/.aws/cli/cache and reused until they expire), or use a profile without mfa_serial.</source>
        <extracomment>%1 the profile, %2 the MFA device, %3 why no one can be asked (a sentence).</extracomment>
        <translation>Le profil %1 a besoin d&apos;un code de l&apos;appareil MFA %2, mais %3 Lancez la commande une fois depuis un terminal (les informations d&apos;identification du rôle sont alors mises en cache dans ~/.aws/cli/cache et réutilisées jusqu&apos;à leur expiration), ou utilisez un profil sans mfa_serial.</translation>
    </message>
    <message>
        <source>sessionscope-cli is not running in a terminal, so nobody can type it.</source>
        <translation>sessionscope-cli ne s&apos;exécute pas dans un terminal&#xa0;: personne ne peut donc le saisir.</translation>
    </message>
    <message>
        <source>the terminal %1 cannot be opened (%2).</source>
        <translation>le terminal %1 ne peut pas être ouvert (%2).</translation>
    </message>
</context>
<context>
    <name>TimeFormat</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 j %2 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 j</translation>
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
        <translation>en cours depuis %1</translation>
    </message>
</context>
<context>
    <name>TimeoutResolver</name>
    <message>
        <source>%1 of profile %2 must be a number of seconds of at least 0 (0: no limit), not &quot;%3&quot;.</source>
        <extracomment>%1 the key (connect_timeout, read_timeout), %2 the profile name, %3 the value.</extracomment>
        <translation>%1 du profil %2 doit être un nombre de secondes d&apos;au moins 0 (0&#xa0;: sans limite), et non «&#xa0;%3&#xa0;».</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>profil %1</translation>
    </message>
</context>
<context>
    <name>TlsSettings</name>
    <message>
        <source>The CA bundle %1 (from %2) %3.</source>
        <extracomment>%1 the file, %2 where it was named (&quot;AWS_CA_BUNDLE&quot;, &quot;--ca-bundle&quot;, &quot;profile dev&quot;), %3 what is wrong with it (&quot;is empty&quot;, &quot;cannot be read (Permission denied)&quot;)</extracomment>
        <translation>Le bundle CA %1 (de %2) %3.</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>n&apos;existe pas</translation>
    </message>
    <message>
        <source>is a folder without a readable PEM certificate</source>
        <translation>est un dossier sans certificat PEM lisible</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(inconnu)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>it could not be verified</source>
        <translation>il n&apos;a pas pu être vérifié</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 (subject &quot;%2&quot;, issued by &quot;%3&quot;) is not trusted: %4.</source>
        <extracomment>%1 host, %2 subject (&quot;CN=..., O=...&quot;), %3 issuer, %4 what is wrong (from Qt)</extracomment>
        <translation>Le certificat TLS de %1 (sujet «&#xa0;%2&#xa0;», émis par «&#xa0;%3&#xa0;») n&apos;est pas approuvé&#xa0;: %4.</translation>
    </message>
    <message>
        <source>The CA bundle %1 (from %2) is the only trust used; if a company proxy or a private CA issues this certificate, add that CA&apos;s certificate to the bundle, or point AWS_CA_BUNDLE or --ca-bundle at one that has it.</source>
        <extracomment>%1 the CA bundle file, %2 where it was named</extracomment>
        <translation>Le bundle CA %1 (de %2) est la seule source de confiance utilisée&#xa0;; si un proxy d&apos;entreprise ou une CA privée émet ce certificat, ajoutez le certificat de cette CA au bundle, ou faites pointer AWS_CA_BUNDLE ou --ca-bundle vers un bundle qui le contient.</translation>
    </message>
    <message>
        <source>If a company proxy or a private CA issues this certificate, set AWS_CA_BUNDLE (or --ca-bundle, or ca_bundle in the profile) to a PEM file with that CA&apos;s certificate.</source>
        <translation>Si un proxy d&apos;entreprise ou une CA privée émet ce certificat, définissez AWS_CA_BUNDLE (ou --ca-bundle, ou ca_bundle dans le profil) sur un fichier PEM contenant le certificat de cette CA.</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>ne peut pas être lu (%1)</translation>
    </message>
    <message>
        <source>is larger than 64 MB, which no CA bundle is</source>
        <translation>dépasse 64 Mo, ce qu&apos;aucun bundle CA ne fait</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>est vide</translation>
    </message>
    <message>
        <source>holds no PEM certificate (-----BEGIN CERTIFICATE-----)</source>
        <translation>ne contient aucun certificat PEM (-----BEGIN CERTIFICATE-----)</translation>
    </message>
    <message>
        <source>holds no certificate that can be read</source>
        <translation>ne contient aucun certificat lisible</translation>
    </message>
    <message>
        <source>holds %1 certificates of which only %2 can be read</source>
        <translation>contient %1 certificats dont seuls %2 peuvent être lus</translation>
    </message>
</context>
<context>
    <name>TransportCall</name>
    <message>
        <source>No AWS credentials are configured.</source>
        <translation>Aucune information d&apos;identification AWS n&apos;est configurée.</translation>
    </message>
    <message>
        <source>The request URL is not valid: %1</source>
        <translation>L&apos;URL de la requête n&apos;est pas valide&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not connect to %1 within %2 s.</source>
        <translation>Impossible de se connecter à %1 en %2 s.</translation>
    </message>
    <message>
        <source>No data from %1 for %2 s.</source>
        <translation>Aucune donnée de %1 depuis %2 s.</translation>
    </message>
    <message>
        <source>The endpoint redirected the request (HTTP %1). Check the region and the endpoint URL.</source>
        <translation>Le point de terminaison a redirigé la requête (HTTP %1). Vérifiez la région et l&apos;URL du point de terminaison.</translation>
    </message>
    <message>
        <source>The answer had no HTTP status.</source>
        <translation>La réponse n&apos;avait pas de statut HTTP.</translation>
    </message>
    <message>
        <source>The connection closed after %1 of the %2 bytes of the answer.</source>
        <translation>La connexion a été fermée après %1 des %2 octets de la réponse.</translation>
    </message>
    <message>
        <source>The proxy %1 refused the user name and password. Check them in the proxy URL (HTTPS_PROXY / HTTP_PROXY, or the connection settings).</source>
        <extracomment>%1 the proxy&apos;s host:port</extracomment>
        <translation>Le proxy %1 a refusé le nom d&apos;utilisateur et le mot de passe. Vérifiez-les dans l&apos;URL du proxy (HTTPS_PROXY / HTTP_PROXY, ou les réglages de connexion).</translation>
    </message>
    <message>
        <source>The proxy %1 asked for a user name and password. Put them into the proxy URL (http://user:password@host:port) of HTTPS_PROXY / HTTP_PROXY, or the connection settings.</source>
        <translation>Le proxy %1 a demandé un nom d&apos;utilisateur et un mot de passe. Placez-les dans l&apos;URL du proxy (http://user:password@host:port) de HTTPS_PROXY / HTTP_PROXY, ou dans les réglages de connexion.</translation>
    </message>
    <message>
        <source>Check the proxy (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, or the connection settings).</source>
        <translation>Vérifiez le proxy (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, ou les réglages de connexion).</translation>
    </message>
    <message>
        <source>The proxy %1 does not allow connections to %2 (it answered &quot;%3&quot;).</source>
        <extracomment>%1 the proxy&apos;s host:port, %2 the AWS host, %3 the proxy&apos;s answer (&quot;HTTP/1.1 403 Forbidden&quot;)</extracomment>
        <translation>Le proxy %1 n&apos;autorise pas les connexions à %2 (il a répondu «&#xa0;%3&#xa0;»).</translation>
    </message>
    <message>
        <source>The proxy %1 could not reach %2 (it answered &quot;%3&quot;).</source>
        <translation>Le proxy %1 n&apos;a pas pu joindre %2 (il a répondu «&#xa0;%3&#xa0;»).</translation>
    </message>
    <message>
        <source>The proxy %1 refused the connection to %2 (it answered &quot;%3&quot;).</source>
        <translation>Le proxy %1 a refusé la connexion à %2 (il a répondu «&#xa0;%3&#xa0;»).</translation>
    </message>
    <message>
        <source>Could not connect through the proxy %1: %2.</source>
        <extracomment>%1 the proxy&apos;s host:port, %2 why (Qt&apos;s or the system&apos;s words, e.g. &quot;Connection refused&quot;)</extracomment>
        <translation>Impossible de se connecter via le proxy %1&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>WebIdentityProvider</name>
    <message>
        <source>environment (AWS_WEB_IDENTITY_TOKEN_FILE)</source>
        <translation>environnement (AWS_WEB_IDENTITY_TOKEN_FILE)</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>profil %1</translation>
    </message>
    <message>
        <source>web identity (role %1, %2)</source>
        <translation>identité web (rôle %1, %2)</translation>
    </message>
    <message>
        <source>The %1 sets a web identity token file but no role: set role_arn in the profile or AWS_ROLE_ARN.</source>
        <translation>%1&#xa0;: un fichier de jeton d&apos;identité web est défini, mais aucun rôle&#xa0;; définissez role_arn dans le profil ou AWS_ROLE_ARN.</translation>
    </message>
    <message>
        <source>Could not read the web identity token file %1 (from the %2): %3</source>
        <translation>Impossible de lire le fichier de jeton d&apos;identité web %1 (source&#xa0;: %2)&#xa0;: %3</translation>
    </message>
    <message>
        <source>The web identity token file %1 (from the %2) is empty.</source>
        <translation>Le fichier de jeton d&apos;identité web %1 (source&#xa0;: %2) est vide.</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Try the &amp;demo</source>
        <translation>Essayer la &amp;démo</translation>
    </message>
    <message>
        <source>Set up a &amp;connection…</source>
        <translation>Configurer une &amp;connexion…</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>SessionScope logo</source>
        <translation>Logo de SessionScope</translation>
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
        <translation>Message de bienvenue</translation>
    </message>
    <message>
        <source>Browse the sessions of your Amazon WorkSpaces Secure Browser portals and the sharing settings of Amazon Q Apps sessions. Connect with an AWS profile, or look around on built-in demo data first.</source>
        <translation>Parcourez les sessions de vos portails Amazon WorkSpaces Secure Browser et les réglages de partage des sessions Amazon Q Apps. Connectez-vous avec un profil AWS, ou découvrez d&apos;abord l&apos;application sur les données de démo intégrées.</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Essayer la démo</translation>
    </message>
    <message>
        <source>Set up a connection</source>
        <translation>Configurer une connexion</translation>
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
        <translation>Compte&#xa0;: %1
Arn&#xa0;: %2
ID utilisateur&#xa0;: %3
Informations d&apos;identification&#xa0;: %4
</translation>
    </message>
</context>
<context>
    <name>WorkSpacesWebClient</name>
    <message>
        <source>The page token is longer than 2048 characters.</source>
        <translation>Le jeton de page dépasse 2048 caractères.</translation>
    </message>
    <message>
        <source>The page token contains whitespace.</source>
        <translation>Le jeton de page contient des espaces.</translation>
    </message>
    <message>
        <source>The page size must be at least 1 (or 0 to let the service choose), not %1.</source>
        <translation>La taille de page doit être d&apos;au moins 1 (ou 0 pour laisser le service choisir), et non %1.</translation>
    </message>
    <message>
        <source>The portal id &quot;%1&quot; is not valid: it must be 36 letters, digits or &apos;-&apos; (it has %2).</source>
        <translation>L&apos;ID de portail «&#xa0;%1&#xa0;» n&apos;est pas valide&#xa0;: il doit compter 36 lettres, chiffres ou &apos;-&apos; (il en compte %2).</translation>
    </message>
    <message>
        <source>The session id &quot;%1&quot; is not valid: it must be 36 letters, digits or &apos;-&apos; (it has %2).</source>
        <translation>L&apos;ID de session «&#xa0;%1&#xa0;» n&apos;est pas valide&#xa0;: il doit compter 36 lettres, chiffres ou &apos;-&apos; (il en compte %2).</translation>
    </message>
    <message>
        <source>GetPortal needs the portal&apos;s ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID), not only its id.</source>
        <translation>GetPortal exige l&apos;ARN du portail (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID), pas seulement son ID.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a portal ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID).</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un ARN de portail (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID).</translation>
    </message>
    <message>
        <source>The user name is longer than 256 characters.</source>
        <translation>Le nom d&apos;utilisateur dépasse 256 caractères.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Run &quot;sessionscope-cli --help&quot; for usage.</source>
        <translation>Lancez «&#xa0;sessionscope-cli --help&#xa0;» pour l&apos;aide.</translation>
    </message>
    <message>
        <source>Browse Amazon WorkSpaces Secure Browser sessions.</source>
        <translation>Parcourir les sessions Amazon WorkSpaces Secure Browser.</translation>
    </message>
    <message>
        <source>Start on the built-in demo data.</source>
        <translation>Démarrer sur les données de démo intégrées.</translation>
    </message>
    <message>
        <source>Connect with this AWS profile.</source>
        <translation>Se connecter avec ce profil AWS.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>Use this AWS region.</source>
        <translation>Utiliser cette région AWS.</translation>
    </message>
    <message>
        <source>region</source>
        <translation>région</translation>
    </message>
    <message>
        <source>Send requests to this endpoint.</source>
        <translation>Envoyer les requêtes à ce point de terminaison.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Use a dark palette (when the desktop&apos;s dark theme is not picked up).</source>
        <translation>Utiliser une palette sombre (quand le thème sombre du bureau n&apos;est pas repris).</translation>
    </message>
    <message>
        <source>Show SessionScope in this language (%1) for this run.</source>
        <translation>Afficher SessionScope dans cette langue (%1) pour cette exécution.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
</context>
</TS>
