<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About SessionScope</source>
        <translation>SessionScope について</translation>
    </message>
    <message>
        <source>SessionScope icon</source>
        <translation>SessionScope のアイコン</translation>
    </message>
    <message>
        <source>SessionScope</source>
        <translation>SessionScope</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>バージョン %1</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Browse the sessions of Amazon WorkSpaces Secure Browser portals and the sharing settings of Amazon Q Apps sessions.</source>
        <translation>Amazon WorkSpaces Secure Browser ポータルのセッションと、Amazon Q Apps セッションの共有設定を閲覧します。</translation>
    </message>
    <message>
        <source>Qt version</source>
        <translation>Qt のバージョン</translation>
    </message>
    <message>
        <source>Running on Qt %1, built with Qt %2.</source>
        <translation>Qt %1 で実行中 (Qt %2 でビルド)。</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <source>&lt;p&gt;Licence: GPL-3.0-or-later. SessionScope is free software: you may use, study, share and change it under the terms of the &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License&lt;/a&gt;, version 3 or any later version. It comes with no warranty, to the extent permitted by law.&lt;/p&gt;</source>
        <translation>&lt;p&gt;ライセンス: GPL-3.0-or-later。SessionScope はフリーソフトウェアです。&lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License&lt;/a&gt; のバージョン 3 またはそれ以降のバージョンの条件に従って、使用、研究、共有、改変することができます。法律で認められる範囲において、一切の保証はありません。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>詳細をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copy version details</source>
        <translation>バージョンの詳細をコピー</translation>
    </message>
    <message>
        <source>Copy the versions of SessionScope, Qt and the system, e.g. for a bug report</source>
        <translation>SessionScope、Qt、システムのバージョンをコピーします (バグ報告用など)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>SessionScope %1
Qt %2 (built with Qt %3)
%4, %5</source>
        <translation>SessionScope %1
Qt %2 (Qt %3 でビルド)
%4, %5</translation>
    </message>
</context>
<context>
    <name>ApiJson</name>
    <message>
        <source>a boolean</source>
        <translation>真偽値</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>文字列</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>配列</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>値なし</translation>
    </message>
    <message>
        <source>&quot;%1&quot; should be %2, but is %3.</source>
        <extracomment>%1 is a JSON field path such as sessions[0].startTime; %2 and %3 name kinds of value (&quot;a string&quot;, &quot;a number&quot;, ...), translated separately.</extracomment>
        <translation>「%1」は%2であるべきですが、%3です。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing.</source>
        <translation>「%1」がありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is empty.</source>
        <translation>「%1」が空です。</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true または false</translation>
    </message>
    <message>
        <source>a whole number from 0 to 2147483647</source>
        <translation>0 から 2147483647 までの整数</translation>
    </message>
    <message>
        <source>The answer is not a JSON object.</source>
        <translation>応答が JSON オブジェクトではありません。</translation>
    </message>
    <message>
        <source>The answer is not valid JSON (%1 at byte %2).</source>
        <translation>応答が有効な JSON ではありません (%2 バイト目で %1)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a plausible time (%2 seconds since 1970).</source>
        <translation>「%1」はありえない時刻です (1970 年からの %2 秒)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time: &quot;%2&quot;.</source>
        <translation>「%1」は時刻ではありません:「%2」。</translation>
    </message>
    <message>
        <source>a time (epoch seconds or ISO 8601)</source>
        <translation>時刻 (エポック秒または ISO 8601)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a plausible time: &quot;%2&quot;.</source>
        <translation>「%1」はありえない時刻です:「%2」。</translation>
    </message>
</context>
<context>
    <name>AppIdResolver</name>
    <message>
        <source>profile %1</source>
        <translation>プロファイル %1</translation>
    </message>
    <message>
        <source>The application id (from %1) is longer than %2 characters; AWS may cut it short.</source>
        <extracomment>%1 where the id came from, %2 the maximum length.</extracomment>
        <translation>アプリケーション ID (%1 で指定) が %2 文字を超えています。AWS によって切り詰められる可能性があります。</translation>
    </message>
</context>
<context>
    <name>AppProfileCredentialsProvider</name>
    <message>
        <source>SessionScope&apos;s profile list is no longer available.</source>
        <translation>SessionScope のプロファイル一覧はもう利用できません。</translation>
    </message>
    <message>
        <source>There is no SessionScope profile named &quot;%1&quot;.</source>
        <translation>「%1」という名前の SessionScope プロファイルはありません。</translation>
    </message>
    <message>
        <source>profile %1 (system keychain)</source>
        <translation>プロファイル %1 (システムのキーチェーン)</translation>
    </message>
</context>
<context>
    <name>AppProfileDialog</name>
    <message>
        <source>SessionScope profile</source>
        <translation>SessionScope プロファイル</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>プロファイルの編集</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>新しいプロファイル</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>プロファイル名</translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation>アクセスキー ID</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>シークレットアクセスキー</translation>
    </message>
    <message>
        <source>Session token</source>
        <translation>セッショントークン</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>Endpoint URL</source>
        <translation>エンドポイント URL</translation>
    </message>
    <message>
        <source>Amazon Q Business instance ID</source>
        <translation>Amazon Q Business インスタンス ID</translation>
    </message>
    <message>
        <source>e.g. eu-west-1 (empty: from the environment)</source>
        <translation>例: eu-west-1 (空欄: 環境から取得)</translation>
    </message>
    <message>
        <source>empty: the regional AWS endpoints</source>
        <translation>空欄: リージョンの AWS エンドポイント</translation>
    </message>
    <message>
        <source>optional, for Q App sharing</source>
        <translation>任意、Q App の共有用</translation>
    </message>
    <message>
        <source>only for temporary credentials</source>
        <translation>一時的な認証情報の場合のみ</translation>
    </message>
    <message>
        <source>unchanged (stored in the keychain)</source>
        <translation>変更なし (キーチェーンに保存済み)</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>プロファイルを保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Access key ID:</source>
        <translation>アクセスキー ID(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Secret access key:</source>
        <translation>シークレットアクセスキー(&amp;S):</translation>
    </message>
    <message>
        <source>Session &amp;token:</source>
        <translation>セッショントークン(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>リージョン(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Endpoint URL:</source>
        <translation>エンドポイント URL(&amp;E):</translation>
    </message>
    <message>
        <source>Q Business &amp;instance ID:</source>
        <translation>Q Business インスタンス ID(&amp;I):</translation>
    </message>
    <message>
        <source>The secret access key and session token are kept in the system keychain, never in a file.</source>
        <translation>シークレットアクセスキーとセッショントークンはシステムのキーチェーンに保管され、ファイルには保存されません。</translation>
    </message>
    <message>
        <source>Enter the secret access key.</source>
        <translation>シークレットアクセスキーを入力してください。</translation>
    </message>
    <message>
        <source>Saving to the keychain…</source>
        <translation>キーチェーンに保存しています…</translation>
    </message>
</context>
<context>
    <name>AppProfileStore</name>
    <message>
        <source>A profile name has 1 to 64 letters, digits and . _ - @ + (no spaces or slashes).</source>
        <translation>プロファイル名は 1～64 文字の英字、数字、. _ - @ + で指定します (空白とスラッシュは使えません)。</translation>
    </message>
    <message>
        <source>An access key id has 16 to 128 letters and digits, like AKIAIOSFODNN7EXAMPLE.</source>
        <translation>アクセスキー ID は 16～128 文字の英数字です (例: AKIAIOSFODNN7EXAMPLE)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an AWS region name such as us-east-1.</source>
        <translation>「%1」は us-east-1 のような AWS リージョン名ではありません。</translation>
    </message>
    <message>
        <source>the profile</source>
        <translation>プロファイル</translation>
    </message>
    <message>
        <source>A Q Apps instance id has letters, digits and dashes only.</source>
        <translation>Q Apps インスタンス ID に使えるのは英字、数字、ダッシュだけです。</translation>
    </message>
    <message>
        <source>The secret access key is empty or contains spaces.</source>
        <translation>シークレットアクセスキーが空か、空白を含んでいます。</translation>
    </message>
    <message>
        <source>The session token contains spaces.</source>
        <translation>セッショントークンに空白が含まれています。</translation>
    </message>
    <message>
        <source>the profile settings could not be saved to %1.</source>
        <translation>プロファイルの設定を %1 に保存できませんでした。</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>プロファイル %1</translation>
    </message>
    <message>
        <source>The profile store was closed.</source>
        <translation>プロファイルストアは閉じられています。</translation>
    </message>
    <message>
        <source>There is no SessionScope profile named &quot;%1&quot; to update.</source>
        <translation>更新対象の「%1」という名前の SessionScope プロファイルはありません。</translation>
    </message>
    <message>
        <source>The keychain entry of %1 is not one SessionScope wrote. Enter the secret access key again in the profile&apos;s settings.</source>
        <translation>%1 のキーチェーン項目は SessionScope が書き込んだものではありません。プロファイルの設定でシークレットアクセスキーをもう一度入力してください。</translation>
    </message>
</context>
<context>
    <name>AssumeRoleProvider</name>
    <message>
        <source>profile %1 (role %2)</source>
        <translation>プロファイル %1 (ロール %2)</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; needs an MFA code for %2, and nobody can be asked for one here. Run it where a code can be typed, or use credentials without mfa_serial.</source>
        <translation>プロファイル「%1」は %2 の MFA コードを必要としますが、ここではコードを入力してもらうことができません。コードを入力できる場所で実行するか、mfa_serial のない認証情報を使ってください。</translation>
    </message>
    <message>
        <source>No MFA code was entered: the profile &quot;%1&quot; is not signed in.</source>
        <translation>MFA コードが入力されませんでした: プロファイル「%1」はサインインしていません。</translation>
    </message>
</context>
<context>
    <name>AwsCliCacheFile</name>
    <message>
        <source>The IAM Identity Center cache file %1 cannot be read: %2.</source>
        <translation>IAM Identity Center のキャッシュファイル %1 を読み取れません: %2。</translation>
    </message>
    <message>
        <source>The IAM Identity Center cache file %1 is not a JSON object. Sign in again to replace it.</source>
        <translation>IAM Identity Center のキャッシュファイル %1 は JSON オブジェクトではありません。置き換えるには再度サインインしてください。</translation>
    </message>
    <message>
        <source>Cannot write the IAM Identity Center cache file %1: %2.</source>
        <translation>IAM Identity Center のキャッシュファイル %1 を書き込めません: %2。</translation>
    </message>
    <message>
        <source>the folder %1 cannot be created</source>
        <translation>フォルダー %1 を作成できません</translation>
    </message>
</context>
<context>
    <name>AwsError</name>
    <message>
        <source>The service answered with HTTP status %1.</source>
        <translation>サービスが HTTP ステータス %1 を返しました。</translation>
    </message>
    <message>
        <source>Could not reach AWS: %1. Check the network connection and the endpoint.</source>
        <translation>AWS に接続できません: %1。ネットワーク接続とエンドポイントを確認してください。</translation>
    </message>
    <message>
        <source>AWS did not answer in time. Check the network connection, then retry.</source>
        <translation>AWS が時間内に応答しませんでした。ネットワーク接続を確認してから再試行してください。</translation>
    </message>
    <message>
        <source>AWS is limiting requests. Wait a moment, then retry.</source>
        <translation>AWS がリクエストを制限しています。しばらく待ってから再試行してください。</translation>
    </message>
    <message>
        <source>Access denied: your credentials are not allowed to call %1. Ask your administrator for this IAM permission.</source>
        <translation>アクセスが拒否されました: この認証情報では %1 を呼び出せません。この IAM 権限を管理者に依頼してください。</translation>
    </message>
    <message>
        <source>Access denied: %1</source>
        <translation>アクセスが拒否されました: %1</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>見つかりません: %1</translation>
    </message>
    <message>
        <source>The request was not valid: %1</source>
        <translation>リクエストが無効です: %1</translation>
    </message>
    <message>
        <source>Your AWS credentials have expired. Refresh them (for example with &quot;aws sso login&quot;), then retry.</source>
        <translation>AWS の認証情報の有効期限が切れています。更新してから (例:「aws sso login」) 再試行してください。</translation>
    </message>
    <message>
        <source>AWS rejected the request time. Check that this computer&apos;s clock is correct.</source>
        <translation>AWS がリクエストの時刻を拒否しました。このコンピューターの時計が正しいか確認してください。</translation>
    </message>
    <message>
        <source>AWS does not recognise these credentials (access key id). Check the profile, or whether the region is right.</source>
        <translation>AWS はこの認証情報 (アクセスキー ID) を認識しません。プロファイルと、リージョンが正しいかどうかを確認してください。</translation>
    </message>
    <message>
        <source>There is a problem with the AWS credentials: %1</source>
        <translation>AWS の認証情報に問題があります: %1</translation>
    </message>
    <message>
        <source>AWS had an internal problem (%1). Retry in a moment.</source>
        <translation>AWS で内部的な問題が発生しました (%1)。しばらくしてから再試行してください。</translation>
    </message>
    <message>
        <source>AWS sent an answer SessionScope could not read: %1</source>
        <translation>AWS から SessionScope が読み取れない応答が返されました: %1</translation>
    </message>
    <message>
        <source>The request conflicts with the current state: %1</source>
        <translation>リクエストが現在の状態と競合しています: %1</translation>
    </message>
    <message>
        <source>Configuration problem: %1</source>
        <translation>設定の問題: %1</translation>
    </message>
    <message>
        <source>Could not write the file: %1</source>
        <translation>ファイルを書き込めませんでした: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>request id %1</source>
        <translation>リクエスト ID %1</translation>
    </message>
    <message>
        <source>AWS is limiting requests (it asked to wait %1 s). Wait a moment, then retry.</source>
        <translation>AWS がリクエストを制限しています (%1 秒待つよう求められました)。しばらく待ってから再試行してください。</translation>
    </message>
    <message>
        <source>The request is too large for AWS to accept: %1</source>
        <translation>リクエストが大きすぎるため、AWS が受け付けません: %1</translation>
    </message>
    <message>
        <source>The resource has as many tags as AWS allows (%1). Remove a tag first.</source>
        <translation>リソースのタグ数が AWS の上限 (%1) に達しています。先にタグを削除してください。</translation>
    </message>
    <message>
        <source>An AWS service quota of the account has been reached (%1). Free some room, or ask for a higher quota in the Service Quotas console.</source>
        <translation>アカウントの AWS サービスクォータに達しました (%1)。使用量を減らすか、Service Quotas コンソールでクォータの引き上げを申請してください。</translation>
    </message>
</context>
<context>
    <name>AwsTransport</name>
    <message>
        <source>The endpoint &quot;%1&quot; is not an http(s) URL with a host.</source>
        <translation>エンドポイント「%1」はホストを含む http(s) URL ではありません。</translation>
    </message>
    <message>
        <source>No AWS region is set.</source>
        <translation>AWS リージョンが設定されていません。</translation>
    </message>
    <message>
        <source>No network access manager.</source>
        <translation>ネットワークアクセスマネージャーがありません。</translation>
    </message>
</context>
<context>
    <name>CliArguments</name>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>予期しない引数「%1」</translation>
    </message>
    <message>
        <source>unknown option --%1 (options of a command come after the command)</source>
        <translation>不明なオプション --%1 (コマンドのオプションはコマンドの後に指定します)</translation>
    </message>
    <message>
        <source>unknown option --%1 for &quot;%2&quot;</source>
        <translation>「%2」に対する不明なオプション --%1</translation>
    </message>
    <message>
        <source>option --%1 takes no value</source>
        <translation>オプション --%1 は値を取りません</translation>
    </message>
    <message>
        <source>option --%1 needs a value</source>
        <translation>オプション --%1 には値が必要です</translation>
    </message>
    <message>
        <source>option --%1 given twice</source>
        <translation>オプション --%1 が 2 回指定されています</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs --%2</source>
        <translation>「%1」には --%2 が必要です</translation>
    </message>
    <message>
        <source>--format must be one of: %1</source>
        <translation>--format には次のいずれかを指定してください: %1</translation>
    </message>
    <message>
        <source>--status must be active or terminated</source>
        <translation>--status には active または terminated を指定してください</translation>
    </message>
    <message>
        <source>--sort must be newest or oldest</source>
        <translation>--sort には newest または oldest を指定してください</translation>
    </message>
    <message>
        <source>--page-size must be a whole number of at least 1</source>
        <translation>--page-size には 1 以上の整数を指定してください</translation>
    </message>
    <message>
        <source>--max-items must be a whole number of at least 1</source>
        <translation>--max-items には 1 以上の整数を指定してください</translation>
    </message>
    <message>
        <source>--columns has an empty column name</source>
        <translation>--columns に空の列名があります</translation>
    </message>
    <message>
        <source>sessionscope-cli sharing --instance-id ID --session-id ID [--format table|json]
  Shows the Amazon Q Apps sharing configuration of a session.
</source>
        <translation>sessionscope-cli sharing --instance-id ID --session-id ID [--format table|json]
  セッションの Amazon Q Apps 共有設定を表示します。
</translation>
    </message>
    <message>
        <source>--portal &quot;%1&quot; is not a portal ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID)</source>
        <translation>--portal &quot;%1&quot; はポータルの ARN ではありません (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID)</translation>
    </message>
    <message>
        <source>  --portal takes a portal id or its ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID). With an
  ARN and no region set (--region, AWS_REGION, AWS_DEFAULT_REGION, the profile), the ARN&apos;s region is
  used; a region set elsewhere that differs from the ARN&apos;s is an error (exit status 3).
</source>
        <translation>  --portal にはポータル ID またはその ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID) を指定できます。
  ARN を指定し、リージョンがどこにも設定されていない場合 (--region、AWS_REGION、AWS_DEFAULT_REGION、プロファイル)、
  ARN のリージョンが使われます。ARN と異なるリージョンが設定されている場合はエラーです (終了ステータス 3)。
</translation>
    </message>
    <message>
        <source>sessionscope-cli portals [--format table|json|csv|jsonl] [--spreadsheet-safe]
  Lists every web portal of the account and region (all pages).
</source>
        <translation>sessionscope-cli portals [--format table|json|csv|jsonl] [--spreadsheet-safe]
  アカウントとリージョンのすべてのウェブポータルを一覧表示します (全ページ)。
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
        <translation>sessionscope-cli sessions --portal ID|ARN [オプション]
  ポータルのセッションをページごとに一覧表示し、各ページを順次 stdout または --output に出力します。
  --status active|terminated   この状態のセッションのみ
  --username NAME              このユーザーのみ (完全一致)
  --session-id ID              このセッションのみ
  --sort newest|oldest         開始時刻の順 (既定 newest)
  --page-size N                1 回のリクエストあたりのセッション数 (既定: サービスの既定値)
  --max-items N                N 件のセッションで停止
  --format table|csv|json|jsonl   (既定: 端末では table、それ以外では jsonl)
  --output FILE                stdout ではなく FILE に書き込む (すべて書き込むか、何も書き込まない)
  --columns a,b,...            エクスポートする列 (API 名、下記参照)
  --spreadsheet-safe           = + - @ タブ CR で始まるセルの先頭に &apos; を付ける (CSV)
  --bom                        CSV の先頭に UTF-8 のバイトオーダーマークを付ける
  --local-time                 時刻を UTC ではなくオフセット付きのローカル時刻で表示
  --instance-id ID             Q App 共有の列に使う Amazon Q Business インスタンス

列 (既定: sessionId,username,status,startTime,endTime,portalArn):
  %1
  clientIpAddresses にはセッションごとに GetSession の呼び出しが 1 回、qApp* の列には
  セッションごとに GetQAppSessionMetadata の呼び出しが 1 回 (と --instance-id) 必要です。
</translation>
    </message>
    <message>
        <source>sessionscope-cli session --portal ID|ARN --session-id ID [--format table|json]
  Shows one session with its client IP addresses.
</source>
        <translation>sessionscope-cli session --portal ID|ARN --session-id ID [--format table|json]
  1 つのセッションを、クライアント IP アドレスとともに表示します。
</translation>
    </message>
    <message>
        <source>sessionscope-cli expire --portal ID|ARN --session-id ID [--yes]
  Ends (expires) an active session. Asks for confirmation on a terminal unless --yes.
</source>
        <translation>sessionscope-cli expire --portal ID|ARN --session-id ID [--yes]
  アクティブなセッションを終了 (expire) します。--yes がない場合、端末で確認を求めます。
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
  認証情報の所有者を表示します (STS GetCallerIdentity): アカウント、ARN、ユーザー ID、
  認証情報の取得元。JSON: {&quot;Account&quot;, &quot;Arn&quot;, &quot;UserId&quot;, &quot;CredentialSource&quot;}。
  mfa_serial のあるプロファイルはターミナルでコードを尋ねます (&quot;Enter MFA code for ...: &quot;)。
  ターミナルがない場合はすぐに失敗します (終了ステータス 4)。
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
  IAM Identity Center のプロファイル (sso_session または sso_start_url) に AWS CLI なしでサインインします:
  stderr に URL とコードを表示し、ブラウザー (どのデバイスでも可) でアクセスを許可するまで待ち、
  サインインを AWS CLI のキャッシュ (~/.aws/sso/cache) に保存するので、`aws` でも共有されます。
  サインインの有効期限を表示します。Ctrl-C でキャンセルします (終了ステータス 13)。
</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot; (expected portals, sessions, session, sharing, expire, whoami, login or config)</source>
        <translation>不明なコマンド「%1」(portals、sessions、session、sharing、expire、whoami、login、config のいずれかを指定してください)</translation>
    </message>
    <message>
        <source>--%1 must be a number of seconds of at least 0 (0: no limit)</source>
        <translation>--%1 には 0 以上の秒数を指定してください (0: 無制限)</translation>
    </message>
    <message>
        <source>no command given (expected portals, sessions, session, sharing, expire, whoami, login or config)</source>
        <translation>コマンドが指定されていません (portals、sessions、session、sharing、expire、whoami、login、config のいずれかを指定してください)</translation>
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
        <translation>グローバルオプション (コマンドの前後どちらでも可):
  --profile P         AWS プロファイル (共有ファイル、または SessionScope で作成したもの)。既定: AWS_PROFILE、
                      なければ環境の認証情報、それもなければ「default」
  --region R          AWS リージョン。既定: AWS_REGION、AWS_DEFAULT_REGION、プロファイルのリージョン
  --endpoint-url URL  すべてのサービスでこのエンドポイントを使う (http:// はループバックアドレスのみ)
  --ca-bundle FILE    この PEM ファイルの認証局だけを信頼する (TLS を検査するプロキシやプライベート CA
                      向け)。既定: AWS_CA_BUNDLE、プロファイルの ca_bundle
  --cli-connect-timeout S  接続を待つ秒数 (0: 無制限)。既定: プロファイルの
                      connect_timeout、なければ 10
  --cli-read-timeout S  データを待つ秒数 (0: 無制限)。既定: プロファイルの
                      read_timeout、なければ 60
  --debug             リクエストを stderr に記録する (シークレットは記録しない)
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
        <translation>終了ステータス:
  0 成功               2 使い方の誤り            3 設定 (プロファイル、リージョン、エンドポイント)
  4 認証情報           5 アクセス拒否            6 見つからない
  7 無効なリクエスト   8 制限 (スロットリング)   9 ネットワークまたはタイムアウト
  10 サービスエラー    11 読めない応答           12 ローカルファイルのエラー
  13 キャンセル        14 クォータ超過           1 その他
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
  ほかのコマンドが使う設定をすべて、それぞれの取得元とともに表示します。`aws configure list` と
  同様ですが、AWS は呼び出しません: プロファイル、認証情報 (アクセスキー ID は末尾 4 文字のみ)、
  リージョン、各サービスのエンドポイント、FIPS とデュアルスタック、プロキシ、CA バンドル、
  タイムアウト、再試行モード、試行回数、アプリ ID。JSON: キー profile、credentialSource、
  region、regionSource、endpoints、proxy、caBundle、connectTimeout、readTimeout、retryMode、
  maxAttempts (ほかにもあります。マニュアルページを参照) を持つ 1 つのオブジェクト。
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
        <translation>使い方: sessionscope-cli [グローバルオプション] コマンド [オプション]

Amazon WorkSpaces Secure Browser のセッションと、その Amazon Q Apps 共有設定を閲覧します。

コマンド:
  portals    ウェブポータルを一覧表示
  sessions   ポータルのセッションを一覧表示またはエクスポート
  session    1 つのセッションを表示
  sharing    セッションの Q App 共有設定を表示
  expire     アクティブなセッションを終了
  whoami     認証情報の所有者を表示
  login      IAM Identity Center にサインイン
  config     すべての設定とその取得元を表示

コマンドのオプションは「sessionscope-cli コマンド --help」で表示できます。

</translation>
    </message>
</context>
<context>
    <name>CliConnection</name>
    <message>
        <source>the portal ARN is in region %1, but the region is %2 (from %3); set the same region or none, and the ARN&apos;s region is used</source>
        <extracomment>%1 the region in the portal ARN, %2 the region set elsewhere, %3 where it was set (&quot;--region&quot;, &quot;AWS_REGION&quot;, &quot;profile dev&quot;).</extracomment>
        <translation>ポータルの ARN はリージョン %1 のものですが、リージョンは %2 (%3 から) です。同じリージョンを設定するか、何も設定しなければ ARN のリージョンが使われます</translation>
    </message>
</context>
<context>
    <name>ClientAddressesSection</name>
    <message>
        <source>Client IP addresses</source>
        <translation>クライアント IP アドレス</translation>
    </message>
    <message>
        <source>No session selected.</source>
        <translation>セッションが選択されていません。</translation>
    </message>
    <message>
        <source>Loading the session&apos;s details…</source>
        <translation>セッションの詳細を読み込んでいます…</translation>
    </message>
    <message>
        <source>The service reported no client IP address for this session.</source>
        <translation>このセッションのクライアント IP アドレスはサービスから報告されていません。</translation>
    </message>
    <message>
        <source>The service no longer knows this session (terminated sessions are kept for about 35 days).</source>
        <translation>このセッションはサービスにもう残っていません (終了したセッションの保持期間は約 35 日です)。</translation>
    </message>
</context>
<context>
    <name>Command</name>
    <message>
        <source>standard output</source>
        <translation>標準出力</translation>
    </message>
    <message>
        <source>profile: %1; region: %2 (%3); WorkSpaces Web endpoint: %4 (%5); attempts: %6</source>
        <translation>プロファイル: %1、リージョン: %2 (%3)、WorkSpaces Web エンドポイント: %4 (%5)、試行回数: %6</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>%1 failed (%2); retrying in %3 s (attempt %4)</source>
        <translation>%1 が失敗しました (%2)。%3 秒後に再試行します (%4 回目)</translation>
    </message>
    <message>
        <source>Interrupted.</source>
        <translation>中断しました。</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>エラー: %1</translation>
    </message>
    <message numerus="yes">
        <source>CA bundle: %1 (%2), %n certificate(s)</source>
        <extracomment>%1 the file, %2 where it was named (&quot;--ca-bundle&quot;, &quot;AWS_CA_BUNDLE&quot;, &quot;profile dev&quot;)</extracomment>
        <translation>
            <numerusform>CA バンドル: %1 (%2)、証明書 %n 個</numerusform>
        </translation>
    </message>
    <message>
        <source>CA bundle: none (the system&apos;s certificate authorities)</source>
        <translation>CA バンドル: なし (システムの認証局)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>無制限</translation>
    </message>
    <message>
        <source>retry mode: %1 (%2); connect timeout: %3 (%4); read timeout: %5 (%6)</source>
        <extracomment>%1 legacy/standard/adaptive, %3 and %5 seconds or &quot;no limit&quot;, the others where each came from</extracomment>
        <translation>再試行モード: %1 (%2)、接続タイムアウト: %3 (%4)、読み取りタイムアウト: %5 (%6)</translation>
    </message>
    <message>
        <source>proxy: %1 (no proxy variable in the environment)</source>
        <extracomment>%1 the proxy URL(s) without password and the NO_PROXY entries, %2 where they were set (&quot;HTTPS_PROXY, NO_PROXY&quot;, &quot;connection settings&quot;)</extracomment>
        <translation>プロキシ: %1 (環境にプロキシ変数はありません)</translation>
    </message>
    <message>
        <source>proxy: %1 (%2)</source>
        <translation>プロキシ: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>CommandLineSplitter</name>
    <message>
        <source>The command line ends with a lone backslash.</source>
        <translation>コマンドラインが単独のバックスラッシュで終わっています。</translation>
    </message>
    <message>
        <source>The command line has a single quote (&apos;) that is never closed.</source>
        <translation>コマンドラインに閉じられていない一重引用符 (&apos;) があります。</translation>
    </message>
    <message>
        <source>The command line has a double quote (&quot;) that is never closed.</source>
        <translation>コマンドラインに閉じられていない二重引用符 (&quot;) があります。</translation>
    </message>
    <message>
        <source>The command line is empty.</source>
        <translation>コマンドラインが空です。</translation>
    </message>
</context>
<context>
    <name>ConfigCommand</name>
    <message>
        <source>access keys</source>
        <translation>アクセスキー</translation>
    </message>
    <message>
        <source>assume role</source>
        <translation>ロールの引き受け</translation>
    </message>
    <message>
        <source>assume role with MFA</source>
        <translation>MFA 付きのロールの引き受け</translation>
    </message>
    <message>
        <source>IAM Identity Center</source>
        <translation>IAM Identity Center</translation>
    </message>
    <message>
        <source>web identity</source>
        <translation>ウェブ ID</translation>
    </message>
    <message>
        <source>no credentials</source>
        <translation>認証情報なし</translation>
    </message>
    <message>
        <source>default</source>
        <translation>既定</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>プロファイル</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 where the credentials come from, %2 their kind (&quot;IAM Identity Center&quot;, &quot;assume role&quot;)</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>none: %1</source>
        <extracomment>%1 why no credentials can be found</extracomment>
        <translation>なし: %1</translation>
    </message>
    <message>
        <source>credentials</source>
        <translation>認証情報</translation>
    </message>
    <message>
        <source>(not shown)</source>
        <translation>(非表示)</translation>
    </message>
    <message>
        <source>region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source> (the profile does not use IAM Identity Center)</source>
        <translation> (プロファイルは IAM Identity Center を使用しません)</translation>
    </message>
    <message>
        <source>endpoint %1</source>
        <translation>エンドポイント %1</translation>
    </message>
    <message>
        <source>(error)</source>
        <translation>(エラー)</translation>
    </message>
    <message>
        <source>FIPS endpoints</source>
        <translation>FIPS エンドポイント</translation>
    </message>
    <message>
        <source>dual-stack endpoints</source>
        <translation>デュアルスタックエンドポイント</translation>
    </message>
    <message>
        <source>proxy</source>
        <translation>プロキシ</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA バンドル</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n certificate(s))</source>
        <translation>
            <numerusform>%1 (証明書 %n 個)</numerusform>
        </translation>
    </message>
    <message>
        <source>the system&apos;s certificate authorities</source>
        <translation>システムの認証局</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>無制限</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>connect timeout</source>
        <translation>接続タイムアウト</translation>
    </message>
    <message>
        <source>read timeout</source>
        <translation>読み取りタイムアウト</translation>
    </message>
    <message>
        <source>retry mode</source>
        <translation>再試行モード</translation>
    </message>
    <message>
        <source>max attempts</source>
        <translation>最大試行回数</translation>
    </message>
    <message>
        <source>app id</source>
        <translation>アプリ ID</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>取得元</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>&amp;New…</source>
        <translation>新規(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>接続をテスト(&amp;T)</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>プロファイル</translation>
    </message>
    <message>
        <source>Problem reading the AWS files</source>
        <translation>AWS ファイルの読み取りの問題</translation>
    </message>
    <message>
        <source>New SessionScope profile</source>
        <translation>新しい SessionScope プロファイル</translation>
    </message>
    <message>
        <source>Edit SessionScope profile</source>
        <translation>SessionScope プロファイルを編集</translation>
    </message>
    <message>
        <source>Delete SessionScope profile</source>
        <translation>SessionScope プロファイルを削除</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>From the profile or environment</source>
        <translation>プロファイルまたは環境から</translation>
    </message>
    <message>
        <source>Endpoint override</source>
        <translation>エンドポイントの上書き</translation>
    </message>
    <message>
        <source>empty: the profile&apos;s or the regional AWS endpoints</source>
        <translation>空欄: プロファイルのエンドポイント、またはリージョンの AWS エンドポイント</translation>
    </message>
    <message>
        <source>Amazon Q Business instance ID</source>
        <translation>Amazon Q Business インスタンス ID</translation>
    </message>
    <message>
        <source>optional: the profile&apos;s, if it has one</source>
        <translation>任意: プロファイルに設定があればそれを使用</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>接続をテスト</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>テスト結果</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>接続(&amp;C)</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>リージョン(&amp;R):</translation>
    </message>
    <message>
        <source>End&amp;point URL:</source>
        <translation>エンドポイント URL(&amp;P):</translation>
    </message>
    <message>
        <source>Q Business &amp;instance ID:</source>
        <translation>Q Business インスタンス ID(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Profiles (from ~/.aws and SessionScope&apos;s own):</source>
        <translation>プロファイル(&amp;R) (~/.aws と SessionScope 独自のもの):</translation>
    </message>
    <message>
        <source>%1 — SessionScope profile (keychain)</source>
        <translation>%1 — SessionScope プロファイル (キーチェーン)</translation>
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
        <translation>プロファイルの削除</translation>
    </message>
    <message>
        <source>Delete the SessionScope profile “%1” and its secret in the keychain?</source>
        <translation>SessionScope プロファイル「%1」と、キーチェーン内のそのシークレットを削除しますか?</translation>
    </message>
    <message>
        <source>Asking %1 for its portals…</source>
        <translation>%1 にポータルを問い合わせています…</translation>
    </message>
    <message numerus="yes">
        <source>%n portal(s)</source>
        <translation>
            <numerusform>%n 件のポータル</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %n portal(s)</source>
        <translation>
            <numerusform>%n 件以上のポータル</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected: profile %1 can list portals in %2 (%3 found).</source>
        <translation>接続しました: プロファイル %1 で %2 のポータルを一覧表示できます (%3 件)。</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>接続されていません: %1</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>サインイン(&amp;S)…</translation>
    </message>
    <message>
        <source>Sign in to IAM Identity Center</source>
        <translation>IAM Identity Center にサインイン</translation>
    </message>
    <message>
        <source>Sign in to IAM Identity Center with this profile, in the browser</source>
        <translation>このプロファイルで、ブラウザーを使って IAM Identity Center にサインインします</translation>
    </message>
    <message>
        <source>A SessionScope profile; its secret is in the system keychain.</source>
        <translation>SessionScope のプロファイル。シークレットはシステムのキーチェーンにあります。</translation>
    </message>
    <message>
        <source>Defined in %1</source>
        <translation>定義場所: %1</translation>
    </message>
    <message>
        <source>access keys</source>
        <translation>アクセスキー</translation>
    </message>
    <message>
        <source>credential process</source>
        <translation>認証情報プロセス</translation>
    </message>
    <message>
        <source>role</source>
        <translation>ロール</translation>
    </message>
    <message>
        <source>role + MFA</source>
        <translation>ロール + MFA</translation>
    </message>
    <message>
        <source>IAM Identity Center</source>
        <translation>IAM Identity Center</translation>
    </message>
    <message>
        <source>web identity</source>
        <translation>ウェブ ID</translation>
    </message>
    <message>
        <source>no credentials</source>
        <translation>認証情報なし</translation>
    </message>
    <message>
        <source>signed in until %1</source>
        <extracomment>%1 a time of day (&quot;19:40&quot;), or a date and time when it is not today</extracomment>
        <translation>%1 までサインイン中</translation>
    </message>
    <message>
        <source>sign-in renews itself</source>
        <translation>サインインは自動で更新されます</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>サインインしていません</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>サインインしていません: %1</translation>
    </message>
</context>
<context>
    <name>ConnectionManager</name>
    <message>
        <source>No AWS credentials were found (no environment keys, no profile in ~/.aws, no SessionScope profile). Try the demo, or set up a connection.</source>
        <translation>AWS の認証情報が見つかりません (環境変数のキー、~/.aws のプロファイル、SessionScope プロファイルのいずれもありません)。デモを試すか、接続を設定してください。</translation>
    </message>
    <message>
        <source>The demo could not start: %1</source>
        <translation>デモを開始できませんでした: %1</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>接続できませんでした: %1</translation>
    </message>
    <message>
        <source>Could not sign in: %1</source>
        <translation>サインインできませんでした: %1</translation>
    </message>
</context>
<context>
    <name>ConnectionResolver</name>
    <message>
        <source>SessionScope&apos;s profiles (system keychain)</source>
        <translation>SessionScope のプロファイル (システムのキーチェーン)</translation>
    </message>
    <message>
        <source> or among SessionScope&apos;s own profiles</source>
        <extracomment>Appended to &quot;was not found in %2&quot; (the files searched), right after the file names.</extracomment>
        <translation>、または SessionScope 独自のプロファイル</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; was not found in %2%3.</source>
        <translation>プロファイル「%1」が %2%3 に見つかりません。</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; named by AWS_PROFILE was not found in %2%3.</source>
        <translation>AWS_PROFILE で指定されたプロファイル「%1」が %2%3 に見つかりません。</translation>
    </message>
    <message>
        <source>connection settings</source>
        <translation>接続の設定</translation>
    </message>
</context>
<context>
    <name>ConnectionSummaryLabel</name>
    <message>
        <source>Connection</source>
        <translation>接続</translation>
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
        <translation>プロファイル: %1
リージョン: %2
リクエスト送信先: %3
認証情報: %4
Amazon Q Business インスタンス: %5</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未接続</translation>
    </message>
    <message>
        <source>Account: %1
Identity: %2
User ID: %3</source>
        <translation>アカウント: %1
ID: %2
ユーザー ID: %3</translation>
    </message>
    <message>
        <source>Identity: not known (%1)</source>
        <translation>ID: 不明 (%1)</translation>
    </message>
</context>
<context>
    <name>ContainerCredentialsProvider</name>
    <message>
        <source>AWS_CONTAINER_CREDENTIALS_FULL_URI must be https, or http to a loopback address, 169.254.170.2, 169.254.170.23, fd00:ec2::23 or localhost; it is %1.</source>
        <translation>AWS_CONTAINER_CREDENTIALS_FULL_URI は https、またはループバックアドレス、169.254.170.2、169.254.170.23、fd00:ec2::23、localhost への http である必要があります。現在の値は %1 です。</translation>
    </message>
    <message>
        <source>container credentials</source>
        <translation>コンテナの認証情報</translation>
    </message>
    <message>
        <source>Could not read the container authorization token file %1 (AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE): %2</source>
        <translation>コンテナ認可トークンファイル %1 (AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE) を読み取れませんでした: %2</translation>
    </message>
    <message>
        <source>The container authorization token is not a valid header value (it has a line break).</source>
        <translation>コンテナ認可トークンがヘッダー値として無効です (改行が含まれています)。</translation>
    </message>
    <message>
        <source>it did not answer in time</source>
        <translation>時間内に応答がありませんでした</translation>
    </message>
    <message>
        <source>it answered HTTP %1</source>
        <translation>HTTP %1 が返されました</translation>
    </message>
    <message>
        <source>No credentials from the container credentials endpoint %1: %2</source>
        <translation>コンテナ認証情報エンドポイント %1 から認証情報を取得できません: %2</translation>
    </message>
    <message>
        <source>The container credentials endpoint %1 answered without complete credentials.</source>
        <translation>コンテナ認証情報エンドポイント %1 の応答に完全な認証情報が含まれていませんでした。</translation>
    </message>
</context>
<context>
    <name>CopyableValue</name>
    <message>
        <source>%1 indicator</source>
        <translation>%1 のインジケーター</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>%1 をコピー</translation>
    </message>
</context>
<context>
    <name>CredentialProcessProvider</name>
    <message>
        <source>credential_process of profile %1</source>
        <translation>プロファイル %1 の credential_process</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; failed: %2</source>
        <translation>プロファイル「%1」の credential_process が失敗しました: %2</translation>
    </message>
    <message>
        <source>the program &quot;%1&quot; was not found in PATH.</source>
        <translation>プログラム「%1」が PATH に見つかりません。</translation>
    </message>
    <message>
        <source>could not start &quot;%1&quot;: the program was not found or is not executable.</source>
        <translation>「%1」を起動できません: プログラムが見つからないか、実行可能ではありません。</translation>
    </message>
    <message>
        <source> It said: %1</source>
        <translation> 出力: %1</translation>
    </message>
    <message>
        <source>it did not finish within %1 s and was stopped.</source>
        <translation>%1 秒以内に終了しなかったため停止しました。</translation>
    </message>
    <message>
        <source>it printed more than %1 KiB, which is not a credentials answer.</source>
        <translation>%1 KiB を超える出力があり、認証情報の応答ではありません。</translation>
    </message>
    <message>
        <source>it was ended by a signal before it finished.</source>
        <translation>完了前にシグナルで終了しました。</translation>
    </message>
    <message>
        <source>it exited with code %1.</source>
        <translation>終了コード %1 で終了しました。</translation>
    </message>
    <message>
        <source>its output is not a JSON object like {&quot;Version&quot;: 1, &quot;AccessKeyId&quot;: ..., &quot;SecretAccessKey&quot;: ...}.</source>
        <translation>出力が {&quot;Version&quot;: 1, &quot;AccessKeyId&quot;: ..., &quot;SecretAccessKey&quot;: ...} のような JSON オブジェクトではありません。</translation>
    </message>
    <message>
        <source>its output has no &quot;Version&quot;; SessionScope understands Version 1.</source>
        <translation>出力に「Version」がありません。SessionScope が理解できるのは Version 1 です。</translation>
    </message>
    <message>
        <source>its output has an unsupported &quot;Version&quot;; SessionScope understands Version 1.</source>
        <translation>出力の「Version」はサポートされていません。SessionScope が理解できるのは Version 1 です。</translation>
    </message>
    <message>
        <source>its output has no &quot;AccessKeyId&quot; string.</source>
        <translation>出力に文字列「AccessKeyId」がありません。</translation>
    </message>
    <message>
        <source>its output has no &quot;SecretAccessKey&quot; string.</source>
        <translation>出力に文字列「SecretAccessKey」がありません。</translation>
    </message>
    <message>
        <source>its &quot;Expiration&quot; is not an ISO 8601 date-time such as 2030-01-31T12:00:00Z.</source>
        <translation>「Expiration」が 2030-01-31T12:00:00Z のような ISO 8601 の日時ではありません。</translation>
    </message>
    <message>
        <source>it returned credentials that expired at %1.</source>
        <translation>%1 に有効期限が切れた認証情報が返されました。</translation>
    </message>
</context>
<context>
    <name>CredentialsProviderChain</name>
    <message>
        <source>The profile &quot;%1&quot; was not found in %2%3.</source>
        <translation>プロファイル「%1」が %2%3 に見つかりません。</translation>
    </message>
    <message>
        <source> or among SessionScope&apos;s own profiles</source>
        <translation>、または SessionScope 独自のプロファイル</translation>
    </message>
    <message>
        <source>No AWS credentials found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, add a [default] profile to %1 (for example with &quot;aws configure&quot;), or choose a profile with --profile.</source>
        <translation>AWS の認証情報が見つかりません。AWS_ACCESS_KEY_ID と AWS_SECRET_ACCESS_KEY を設定するか、%1 に [default] プロファイルを追加するか (例:「aws configure」)、--profile でプロファイルを選択してください。</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>プロファイル %1</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; named by %2 was not found in %3.</source>
        <translation>%2 で指定されたプロファイル「%1」が %3 に見つかりません。</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>environment, then profile %1, then container and instance metadata</source>
        <translation>環境変数、次にプロファイル %1、次にコンテナとインスタンスのメタデータ</translation>
    </message>
</context>
<context>
    <name>DemoConnection</name>
    <message>
        <source>built-in emulator at %1</source>
        <translation>%1 の内蔵エミュレーター</translation>
    </message>
    <message>
        <source>the emulator&apos;s throw-away demo keys</source>
        <translation>エミュレーターの使い捨てデモ用キー</translation>
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
        <translation>(非表示)</translation>
    </message>
    <message>
        <source>The endpoint URL %1 (from %2) %3</source>
        <translation>エンドポイント URL %1 (%2 より) %3</translation>
    </message>
    <message>
        <source>is not a valid URL such as https://example.com.</source>
        <translation>は https://example.com のような有効な URL ではありません。</translation>
    </message>
    <message>
        <source>must start with https://.</source>
        <translation>は https:// で始まる必要があります。</translation>
    </message>
    <message>
        <source>has no host name.</source>
        <translation>にホスト名がありません。</translation>
    </message>
    <message>
        <source>must not contain a user name or password.</source>
        <translation>にユーザー名やパスワードを含めることはできません。</translation>
    </message>
    <message>
        <source>must not have a query (?...).</source>
        <translation>にクエリ (?...) を含めることはできません。</translation>
    </message>
    <message>
        <source>must not have a fragment (#...).</source>
        <translation>にフラグメント (#...) を含めることはできません。</translation>
    </message>
    <message>
        <source>must not have a path; give only scheme, host and port.</source>
        <translation>にパスを含めることはできません。スキーム、ホスト、ポートだけを指定してください。</translation>
    </message>
    <message>
        <source>uses plain http://, which is allowed only for this computer (localhost, 127.0.0.1, ::1). Use https://.</source>
        <translation>は暗号化されない http:// を使っています。これはこのコンピューター (localhost、127.0.0.1、::1) にのみ許可されています。https:// を使ってください。</translation>
    </message>
    <message>
        <source>the services section of profile %1</source>
        <translation>プロファイル %1 の services セクション</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>プロファイル %1</translation>
    </message>
    <message>
        <source>sts_regional_endpoints (from %1) must be &quot;regional&quot; or &quot;legacy&quot;.</source>
        <translation>sts_regional_endpoints (%1 で指定) は「regional」または「legacy」である必要があります。</translation>
    </message>
    <message>
        <source>%1 (from %2) must be &quot;true&quot; or &quot;false&quot;, not &quot;%3&quot;.</source>
        <translation>%1 (%2 で指定) は「true」または「false」である必要があります (「%3」は無効です)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid region name: a region is a single host name label of letters, digits and hyphens, such as us-east-1.</source>
        <translation>「%1」は有効なリージョン名ではありません: リージョン名は us-east-1 のように、英字、数字、ハイフンからなる単一のホスト名ラベルです。</translation>
    </message>
    <message>
        <source>%1 (from %2) are not available in the %3 partition of region %4. Turn the setting off or set an endpoint URL.</source>
        <translation>%1 (%2 で指定) は、リージョン %4 の %3 パーティションでは利用できません。設定をオフにするか、エンドポイント URL を設定してください。</translation>
    </message>
    <message>
        <source>Dual-stack endpoints (use_dualstack_endpoint, from %1) are not available in the %2 partition of region %3; botocore and the AWS CLI refuse them there too. Turn the setting off or set an endpoint URL.</source>
        <translation>デュアルスタックエンドポイント (use_dualstack_endpoint、%1 で指定) は、リージョン %3 の %2 パーティションでは利用できません。botocore と AWS CLI もこのパーティションでは使用を拒否します。設定をオフにするか、エンドポイント URL を設定してください。</translation>
    </message>
    <message>
        <source>FIPS dual-stack endpoints</source>
        <translation>FIPS デュアルスタックエンドポイント</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 と %2</translation>
    </message>
    <message>
        <source>FIPS endpoints</source>
        <translation>FIPS エンドポイント</translation>
    </message>
    <message>
        <source>Dual-stack endpoints</source>
        <translation>デュアルスタックエンドポイント</translation>
    </message>
</context>
<context>
    <name>EnvironmentCredentialsProvider</name>
    <message>
        <source>environment</source>
        <translation>環境変数</translation>
    </message>
    <message>
        <source>AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set in the environment.</source>
        <translation>AWS_ACCESS_KEY_ID と AWS_SECRET_ACCESS_KEY が環境に設定されていません。</translation>
    </message>
    <message>
        <source>AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not. Set both, or neither.</source>
        <translation>AWS_SECRET_ACCESS_KEY は設定されていますが、AWS_ACCESS_KEY_ID が設定されていません。両方を設定するか、どちらも設定しないでください。</translation>
    </message>
    <message>
        <source>AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not. Set both, or neither.</source>
        <translation>AWS_ACCESS_KEY_ID は設定されていますが、AWS_SECRET_ACCESS_KEY が設定されていません。両方を設定するか、どちらも設定しないでください。</translation>
    </message>
    <message>
        <source>AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 date-time such as 2030-01-31T12:00:00Z.</source>
        <translation>AWS_CREDENTIAL_EXPIRATION が 2030-01-31T12:00:00Z のような ISO 8601 の日時ではありません。</translation>
    </message>
    <message>
        <source>The credentials in the environment expired at %1 (AWS_CREDENTIAL_EXPIRATION). Set fresh ones.</source>
        <translation>環境の認証情報は %1 に有効期限が切れています (AWS_CREDENTIAL_EXPIRATION)。新しい認証情報を設定してください。</translation>
    </message>
    <message>
        <source>environment variables (AWS_ACCESS_KEY_ID)</source>
        <translation>環境変数 (AWS_ACCESS_KEY_ID)</translation>
    </message>
</context>
<context>
    <name>ExpireCommand</name>
    <message>
        <source>sessionscope-cli: expire needs --yes when not run from a terminal</source>
        <translation>sessionscope-cli: 端末以外から実行する場合、expire には --yes が必要です</translation>
    </message>
    <message>
        <source>Not expired.</source>
        <translation>終了しませんでした。</translation>
    </message>
    <message>
        <source>Session %1 expired.
</source>
        <translation>セッション %1 を終了しました。
</translation>
    </message>
    <message>
        <source>End session %1 of portal %2? The user is disconnected. [y/N] </source>
        <extracomment>The answers read are always y or yes (in English), whatever the language.</extracomment>
        <translation>ポータル %2 のセッション %1 を終了しますか? ユーザーの接続は切断されます。[y/N] </translation>
    </message>
</context>
<context>
    <name>ExpireSessionsDialog</name>
    <message>
        <source>Expire sessions</source>
        <translation>セッションの終了</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>確認</translation>
    </message>
    <message numerus="yes">
        <source>Expire %n active session(s)? Their users are disconnected at once. This cannot be undone.</source>
        <translation>
            <numerusform>アクティブなセッション %n 件を終了しますか? ユーザーの接続はすぐに切断されます。この操作は元に戻せません。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sessions to expire</source>
        <translation>終了するセッション</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>セッション ID</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>開始時刻</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未開始</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Expire %n session(s)</source>
        <translation>
            <numerusform>%n 件のセッションを終了(&amp;E)</numerusform>
        </translation>
    </message>
    <message>
        <source>Expire the listed sessions</source>
        <translation>一覧のセッションを終了します</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Expire no further sessions; requests already sent still finish</source>
        <translation>これ以上セッションを終了しません。送信済みのリクエストは最後まで処理されます</translation>
    </message>
    <message>
        <source>Expiring sessions…</source>
        <translation>セッションを終了しています…</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待機中</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) expired.</source>
        <translation>
            <numerusform>%n 件のセッションを終了しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 expired, %2 not expired: see each session&apos;s result.</source>
        <translation>%1 件を終了、%2 件は未終了です。各セッションの結果を確認してください。</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n 件のセッション</numerusform>
        </translation>
    </message>
    <message>
        <source>Not expired (stopped)</source>
        <translation>未終了 (停止)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Expiring…</source>
        <translation>終了中…</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>終了しました</translation>
    </message>
    <message>
        <source>Not expired: %1</source>
        <translation>未終了: %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export sessions</source>
        <translation>セッションのエクスポート</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>Export actions</source>
        <translation>エクスポートの操作</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>エクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>Choose the file and export</source>
        <translation>ファイルを選んでエクスポートします</translation>
    </message>
    <message>
        <source>Close without exporting</source>
        <translation>エクスポートせずに閉じます</translation>
    </message>
    <message>
        <source>&amp;Cancel export</source>
        <translation>エクスポートをキャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation>エクスポートをキャンセルします</translation>
    </message>
    <message>
        <source>Stop now; the file is not written</source>
        <translation>今すぐ停止します。ファイルは書き込まれません</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>戻る(&amp;B)</translation>
    </message>
    <message>
        <source>Back to the export options</source>
        <translation>エクスポートのオプションに戻ります</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>No rows are selected.</source>
        <translation>行が選択されていません。</translation>
    </message>
    <message>
        <source>No rows are loaded.</source>
        <translation>行が読み込まれていません。</translation>
    </message>
    <message>
        <source>Choose a portal first.</source>
        <translation>先にポータルを選択してください。</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>接続されていません。</translation>
    </message>
    <message>
        <source>Export sessions to</source>
        <translation>セッションのエクスポート先</translation>
    </message>
    <message>
        <source>Exporting the selected rows (%1) to %2</source>
        <translation>選択した行 (%1) を %2 にエクスポートしています</translation>
    </message>
    <message>
        <source>Exporting the loaded rows (%1) to %2</source>
        <translation>読み込んだ行 (%1) を %2 にエクスポートしています</translation>
    </message>
    <message>
        <source>Exporting every matching session of “%1” to %2</source>
        <translation>「%1」の一致するすべてのセッションを %2 にエクスポートしています</translation>
    </message>
</context>
<context>
    <name>ExportEnrichment</name>
    <message>
        <source>This session id cannot be a Q Apps session.</source>
        <translation>このセッション ID は Q Apps セッションのものではありえません。</translation>
    </message>
</context>
<context>
    <name>ExportFile</name>
    <message>
        <source>the output is not open for writing</source>
        <translation>出力が書き込み用に開かれていません</translation>
    </message>
    <message>
        <source>no file name was given</source>
        <translation>ファイル名が指定されていません</translation>
    </message>
    <message>
        <source>this is a folder, not a file</source>
        <translation>これはファイルではなくフォルダーです</translation>
    </message>
    <message>
        <source>the file is not open</source>
        <translation>ファイルが開かれていません</translation>
    </message>
</context>
<context>
    <name>ExportFileChooser</name>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>ExportFormatText</name>
    <message>
        <source>CSV (spreadsheets)</source>
        <translation>CSV (表計算ソフト)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>CSV, spreadsheet-safe</source>
        <translation>CSV (表計算ソフト向けに安全化)</translation>
    </message>
    <message>
        <source>CSV, exact values</source>
        <translation>CSV (値はそのまま)</translation>
    </message>
    <message>
        <source>JSON (one array)</source>
        <translation>JSON (1 つの配列)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON ファイル (*.json)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>JSON Lines (one object per line)</source>
        <translation>JSON Lines (1 行に 1 オブジェクト)</translation>
    </message>
    <message>
        <source>JSON Lines files (*.jsonl)</source>
        <translation>JSON Lines ファイル (*.jsonl)</translation>
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
        <translation>不明な列「%1」。有効な列: %2。</translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; is listed twice.</source>
        <translation>列「%1」が 2 回指定されています。</translation>
    </message>
    <message>
        <source>Choose at least one column to export.</source>
        <translation>エクスポートする列を 1 つ以上選択してください。</translation>
    </message>
</context>
<context>
    <name>ExportOptionsPage</name>
    <message>
        <source>Export options</source>
        <translation>エクスポートのオプション</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>セッション</translation>
    </message>
    <message>
        <source>Sessions to export</source>
        <translation>エクスポートするセッション</translation>
    </message>
    <message>
        <source>Every session that matches the portal, filters and sort</source>
        <translation>ポータル、フィルター、並べ替えに一致するすべてのセッション</translation>
    </message>
    <message>
        <source>E&amp;very session that matches the portal, filters and sort</source>
        <translation>ポータル、フィルター、並べ替えに一致するすべてのセッション(&amp;V)</translation>
    </message>
    <message>
        <source>Fetched from the service page by page while the file is written; the table is not changed.</source>
        <translation>ファイルへの書き込み中にサービスから 1 ページずつ取得します。表は変更されません。</translation>
    </message>
    <message>
        <source>Portal and filters</source>
        <translation>ポータルとフィルター</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Format and options</source>
        <translation>形式とオプション</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>ファイル形式</translation>
    </message>
    <message>
        <source>&amp;UTC, e.g. %1</source>
        <translation>UTC (&amp;U)、例: %1</translation>
    </message>
    <message>
        <source>Times in UTC</source>
        <translation>時刻を UTC で出力</translation>
    </message>
    <message>
        <source>&amp;Local time with its offset, e.g. %1</source>
        <translation>オフセット付きのローカル時刻(&amp;L)、例: %1</translation>
    </message>
    <message>
        <source>Times in local time with the offset from UTC</source>
        <translation>時刻を UTC からのオフセット付きのローカル時刻で出力</translation>
    </message>
    <message>
        <source>Start with a UTF-8 &amp;byte order mark</source>
        <translation>UTF-8 のバイトオーダーマークを付ける(&amp;B)</translation>
    </message>
    <message>
        <source>Start the file with a UTF-8 byte order mark</source>
        <translation>ファイルの先頭に UTF-8 のバイトオーダーマークを付けます</translation>
    </message>
    <message>
        <source>Some spreadsheet programs (Microsoft Excel among them) read a CSV file as UTF-8 only when it starts with this mark; without it, names with accents or other scripts can show garbled.</source>
        <translation>一部の表計算ソフト (Microsoft Excel など) は、このマークで始まる CSV ファイルしか UTF-8 として読み込みません。マークがないと、アクセント付きの名前や他の文字体系の名前が文字化けすることがあります。</translation>
    </message>
    <message>
        <source>&amp;Spreadsheet-safe values</source>
        <translation>表計算ソフト向けに安全な値(&amp;S)</translation>
    </message>
    <message>
        <source>Spreadsheet-safe values</source>
        <translation>表計算ソフト向けに安全な値</translation>
    </message>
    <message>
        <source>Spreadsheet programs run a cell that starts with =, +, -, @, a tab or a carriage return as a formula. A user name chosen by someone else could then run a command or send data away when the file is opened (&quot;CSV formula injection&quot;). With this on, such cells get a leading apostrophe so they show as text. Turn it off only when another program needs the exact values.</source>
        <translation>表計算ソフトは、=、+、-、@、タブ、復帰で始まるセルを数式として実行します。そのため、他人が決めたユーザー名によって、ファイルを開いたときにコマンドが実行されたりデータが送信されたりするおそれがあります (「CSV formula injection」)。この設定をオンにすると、そのようなセルの先頭にアポストロフィが付き、テキストとして表示されます。ほかのプログラムが正確な値を必要とする場合にだけオフにしてください。</translation>
    </message>
    <message>
        <source>F&amp;ile format:</source>
        <translation>ファイル形式(&amp;I):</translation>
    </message>
    <message>
        <source>Times:</source>
        <translation>時刻:</translation>
    </message>
    <message>
        <source>CSV:</source>
        <translation>CSV:</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>列 %1</translation>
    </message>
    <message>
        <source>Column “%1” in the file</source>
        <translation>ファイル内の列「%1」</translation>
    </message>
    <message>
        <source>%1
Column “%2” in the file</source>
        <translation>%1
ファイル内の列「%2」</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Columns to export</source>
        <translation>エクスポートする列</translation>
    </message>
    <message>
        <source>Session &amp;ID</source>
        <translation>セッション ID(&amp;I)</translation>
    </message>
    <message>
        <source>User&amp;name</source>
        <translation>ユーザー名(&amp;N)</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>状態(&amp;T)</translation>
    </message>
    <message>
        <source>Start ti&amp;me</source>
        <translation>開始時刻(&amp;M)</translation>
    </message>
    <message>
        <source>En&amp;d time</source>
        <translation>終了時刻(&amp;D)</translation>
    </message>
    <message>
        <source>Empty while the session is active</source>
        <translation>セッションがアクティブな間は空欄</translation>
    </message>
    <message>
        <source>Portal &amp;ARN</source>
        <translation>ポータル ARN(&amp;A)</translation>
    </message>
    <message>
        <source>Duration (seconds)</source>
        <translation>継続時間 (秒)</translation>
    </message>
    <message>
        <source>Whole seconds from start to end; empty while the session is active</source>
        <translation>開始から終了までの秒数 (整数)。セッションがアクティブな間は空欄</translation>
    </message>
    <message>
        <source>Portal name</source>
        <translation>ポータル名</translation>
    </message>
    <message>
        <source>Looked up for each session</source>
        <translation>セッションごとに照会</translation>
    </message>
    <message>
        <source>About looked-up columns</source>
        <translation>照会する列について</translation>
    </message>
    <message>
        <source>Each of these needs one more request per session, so a large export takes longer.</source>
        <translation>これらの列はそれぞれセッションごとにリクエストが 1 回増えるため、大きなエクスポートには時間がかかります。</translation>
    </message>
    <message>
        <source>&amp;Client IP addresses</source>
        <translation>クライアント IP アドレス(&amp;C)</translation>
    </message>
    <message>
        <source>One GetSession request per session; the addresses are joined with &apos;;&apos; in CSV</source>
        <translation>セッションごとに GetSession リクエストを 1 回。CSV ではアドレスを &apos;;&apos; で連結します</translation>
    </message>
    <message>
        <source>Amazon Q Apps sharing</source>
        <translation>Amazon Q Apps の共有</translation>
    </message>
    <message>
        <source>One GetQAppSessionMetadata request per session</source>
        <translation>セッションごとに GetQAppSessionMetadata リクエストを 1 回</translation>
    </message>
    <message>
        <source>Q App session</source>
        <translation>Q App セッション</translation>
    </message>
    <message>
        <source>%1; “present” or “none”</source>
        <translation>%1。「present」または「none」</translation>
    </message>
    <message>
        <source>Q App session name</source>
        <translation>Q App セッション名</translation>
    </message>
    <message>
        <source>Sharing enabled</source>
        <translation>共有が有効</translation>
    </message>
    <message>
        <source>Accepts responses</source>
        <translation>回答の受け付け</translation>
    </message>
    <message>
        <source>Reveals cards</source>
        <translation>カードの公開</translation>
    </message>
    <message>
        <source>You own the session</source>
        <translation>自分が所有者</translation>
    </message>
    <message>
        <source>%1; whether the caller&apos;s identity owns the Q App session</source>
        <translation>%1。呼び出し元の ID が Q App セッションの所有者かどうか</translation>
    </message>
    <message>
        <source>Why the Q App columns are unavailable</source>
        <translation>Q App の列を使えない理由</translation>
    </message>
    <message>
        <source>Reading Q App sharing settings needs the ID of your Amazon Q Business instance, which is not set for this connection.</source>
        <translation>Q App の共有設定を読み取るには Amazon Q Business インスタンスの ID が必要ですが、この接続では設定されていません。</translation>
    </message>
    <message>
        <source>Set &amp;instance ID…</source>
        <translation>インスタンス ID を設定(&amp;I)…</translation>
    </message>
    <message>
        <source>Set the Amazon Q Business instance ID</source>
        <translation>Amazon Q Business インスタンス ID を設定</translation>
    </message>
    <message>
        <source>Default co&amp;lumns</source>
        <translation>既定の列(&amp;L)</translation>
    </message>
    <message>
        <source>Choose the default columns</source>
        <translation>既定の列を選択</translation>
    </message>
    <message>
        <source>Session ID, username, status, start time, end time and portal ARN: the fields of the session list</source>
        <translation>セッション ID、ユーザー名、状態、開始時刻、終了時刻、ポータル ARN: セッション一覧の項目</translation>
    </message>
    <message>
        <source>&amp;Selected rows (%1)</source>
        <translation>選択した行(&amp;S) (%1)</translation>
    </message>
    <message>
        <source>Selected rows</source>
        <translation>選択した行</translation>
    </message>
    <message>
        <source>&amp;Loaded rows (%1, the whole list)</source>
        <translation>読み込んだ行(&amp;L) (%1、一覧全体)</translation>
    </message>
    <message>
        <source>&amp;Loaded rows (%1)</source>
        <translation>読み込んだ行(&amp;L) (%1)</translation>
    </message>
    <message>
        <source>Loaded rows</source>
        <translation>読み込んだ行</translation>
    </message>
    <message>
        <source>Only the rows the table has loaded so far, in its order</source>
        <translation>表にこれまで読み込んだ行だけを、表の順序で</translation>
    </message>
    <message>
        <source>No portal is chosen.</source>
        <translation>ポータルが選択されていません。</translation>
    </message>
    <message>
        <source>Portal “%1”</source>
        <translation>ポータル「%1」</translation>
    </message>
    <message>
        <source>any status</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <source>active only</source>
        <translation>アクティブのみ</translation>
    </message>
    <message>
        <source>terminated only</source>
        <translation>終了済みのみ</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>ユーザー %1</translation>
    </message>
    <message>
        <source>session %1</source>
        <translation>セッション %1</translation>
    </message>
    <message>
        <source>newest first</source>
        <translation>新しい順</translation>
    </message>
    <message>
        <source>oldest first</source>
        <translation>古い順</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>Fetched from the service; the table is not changed.</source>
        <translation>サービスから取得します。表は変更されません。</translation>
    </message>
    <message>
        <source>Portal: %1</source>
        <translation>ポータル: %1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>ユーザー: %1</translation>
    </message>
</context>
<context>
    <name>ExportProgressPage</name>
    <message>
        <source>Export progress</source>
        <translation>エクスポートの進行状況</translation>
    </message>
    <message>
        <source>What is exported</source>
        <translation>エクスポートする内容</translation>
    </message>
    <message>
        <source>Sessions written</source>
        <translation>書き込んだセッション</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>経過時間</translation>
    </message>
    <message>
        <source>Lookups</source>
        <translation>照会</translation>
    </message>
    <message>
        <source>GetSession and GetQAppSessionMetadata requests for the looked-up columns</source>
        <translation>照会する列のための GetSession と GetQAppSessionMetadata のリクエスト</translation>
    </message>
    <message>
        <source>Sessions written:</source>
        <translation>書き込んだセッション:</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>速度:</translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation>経過時間:</translation>
    </message>
    <message>
        <source>Lookups:</source>
        <translation>照会:</translation>
    </message>
    <message>
        <source>Slowed down</source>
        <translation>減速中</translation>
    </message>
    <message>
        <source>Slowed down: AWS is limiting requests. The export goes on with fewer requests at a time.</source>
        <translation>減速中: AWS がリクエストを制限しています。同時リクエスト数を減らしてエクスポートを続けます。</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Format and columns</source>
        <translation>形式と列</translation>
    </message>
    <message>
        <source>%1 · times in %2 · columns: %3</source>
        <translation>%1 · 時刻: %2 · 列: %3</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>local time with offset</source>
        <translation>オフセット付きのローカル時刻</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 sessions per second</source>
        <translation>毎秒 %1 セッション</translation>
    </message>
    <message>
        <source>%1 answered, %2 in flight</source>
        <translation>応答済み %1、処理中 %2</translation>
    </message>
</context>
<context>
    <name>GatewayExportEnrichment</name>
    <message>
        <source>The connection was closed during the export.</source>
        <translation>エクスポート中に接続が閉じられました。</translation>
    </message>
</context>
<context>
    <name>GuiCredentialPrompts</name>
    <message>
        <source>Not signed in: the MFA code was not entered.</source>
        <translation>サインインしていません: MFA コードが入力されませんでした。</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>キーボードショートカット(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;About SessionScope</source>
        <translation>SessionScope について(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>Qt について</translation>
    </message>
</context>
<context>
    <name>InstanceMetadataProvider</name>
    <message>
        <source>The instance metadata endpoint %1 is not a URL such as http://169.254.169.254.</source>
        <translation>インスタンスメタデータエンドポイント %1 は http://169.254.169.254 のような URL ではありません。</translation>
    </message>
    <message>
        <source>The instance metadata endpoint mode must be IPv4 or IPv6, not &quot;%1&quot;.</source>
        <translation>インスタンスメタデータエンドポイントのモードは IPv4 または IPv6 である必要があります (「%1」は不可)。</translation>
    </message>
    <message>
        <source>EC2 instance metadata</source>
        <translation>EC2 インスタンスメタデータ</translation>
    </message>
    <message>
        <source>No credentials from the EC2 instance metadata service (%1): %2</source>
        <translation>EC2 インスタンスメタデータサービス (%1) から認証情報を取得できません: %2</translation>
    </message>
    <message>
        <source>The EC2 instance metadata service is turned off (AWS_EC2_METADATA_DISABLED).</source>
        <translation>EC2 インスタンスメタデータサービスは無効になっています (AWS_EC2_METADATA_DISABLED)。</translation>
    </message>
    <message>
        <source>no IMDSv2 token, and IMDSv1 is turned off (ec2_metadata_v1_disabled)</source>
        <translation>IMDSv2 トークンがなく、IMDSv1 は無効になっています (ec2_metadata_v1_disabled)</translation>
    </message>
    <message>
        <source>the token request was refused (HTTP 400)</source>
        <translation>トークンのリクエストが拒否されました (HTTP 400)</translation>
    </message>
    <message>
        <source>the instance has no IAM role</source>
        <translation>インスタンスに IAM ロールがありません</translation>
    </message>
    <message>
        <source>it did not answer in time</source>
        <translation>時間内に応答がありませんでした</translation>
    </message>
    <message>
        <source>it answered HTTP %1</source>
        <translation>HTTP %1 が返されました</translation>
    </message>
    <message>
        <source>EC2 instance role %1</source>
        <translation>EC2 インスタンスロール %1</translation>
    </message>
    <message>
        <source>The EC2 instance metadata service answered without complete credentials for the role %1.</source>
        <translation>EC2 インスタンスメタデータサービスの応答に、ロール %1 の完全な認証情報が含まれていませんでした。</translation>
    </message>
</context>
<context>
    <name>KeychainAccess</name>
    <message>
        <source>no details</source>
        <translation>詳細なし</translation>
    </message>
    <message>
        <source>No keychain service is running (Secret Service over D-Bus): there is no D-Bus session bus to reach it. Run SessionScope in a desktop session, or start one with dbus-run-session and a keyring such as gnome-keyring.</source>
        <translation>キーチェーンサービス (D-Bus 経由の Secret Service) が動作していません: 接続先の D-Bus セッションバスがありません。SessionScope をデスクトップセッションで実行するか、dbus-run-session と gnome-keyring などのキーリングでセッションを開始してください。</translation>
    </message>
    <message>
        <source>No keychain service is running (Secret Service over D-Bus): nothing provides org.freedesktop.secrets on the session bus. Start gnome-keyring, KWallet or KeePassXC&apos;s Secret Service integration, then retry.</source>
        <translation>キーチェーンサービス (D-Bus 経由の Secret Service) が動作していません: セッションバス上で org.freedesktop.secrets を提供しているものがありません。gnome-keyring、KWallet、または KeePassXC の Secret Service 連携を起動してから再試行してください。</translation>
    </message>
    <message>
        <source>The system keychain is locked, so the secret of %1 cannot be %2. Unlock it (for example in your desktop&apos;s Passwords and Keys application, or by logging in again), then retry.</source>
        <translation>システムのキーチェーンがロックされているため、%1 のシークレットを%2できません。ロックを解除してから (デスクトップの「パスワードと鍵」アプリケーションや、再ログインなどで) 再試行してください。</translation>
    </message>
    <message>
        <source>read</source>
        <translation>読み取り</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>The system keychain holds no secret for %1. Enter the secret access key again in the profile&apos;s settings.</source>
        <translation>システムのキーチェーンに %1 のシークレットがありません。プロファイルの設定でシークレットアクセスキーをもう一度入力してください。</translation>
    </message>
    <message>
        <source>Access to the system keychain was denied by the user, so the secret of %1 is not available.</source>
        <translation>ユーザーがシステムのキーチェーンへのアクセスを拒否したため、%1 のシークレットを利用できません。</translation>
    </message>
    <message>
        <source>The system keychain denied access to the secret of %1: %2</source>
        <translation>システムのキーチェーンが %1 のシークレットへのアクセスを拒否しました: %2</translation>
    </message>
    <message>
        <source>No keychain service is available on this system: %1</source>
        <translation>このシステムではキーチェーンサービスを利用できません: %1</translation>
    </message>
    <message>
        <source>The system keychain is not supported on this platform.</source>
        <translation>このプラットフォームではシステムのキーチェーンはサポートされていません。</translation>
    </message>
    <message>
        <source>Could not delete the secret of %1 from the system keychain: %2</source>
        <translation>システムのキーチェーンから %1 のシークレットを削除できませんでした: %2</translation>
    </message>
    <message>
        <source>The system keychain failed while handling the secret of %1: %2</source>
        <translation>%1 のシークレットの処理中にシステムのキーチェーンでエラーが発生しました: %2</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;System language</source>
        <translation>システムの言語(&amp;S)</translation>
    </message>
    <message>
        <source>SessionScope will follow the system language the next time it starts.</source>
        <translation>次回の起動時から、SessionScope はシステムの言語で表示されます。</translation>
    </message>
    <message>
        <source>SessionScope will use %1 the next time it starts.</source>
        <extracomment>%1 is the name of a language in that language, e.g. &quot;Deutsch&quot; or &quot;日本語&quot;.</extracomment>
        <translation>次回の起動時から、SessionScope は %1 で表示されます。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>言語(&amp;G)</translation>
    </message>
</context>
<context>
    <name>LoginCommand</name>
    <message>
        <source>There is no profile %1 in %2.</source>
        <translation>%2 にプロファイル %1 がありません。</translation>
    </message>
    <message>
        <source>Profile %1 does not use IAM Identity Center, so there is nothing to sign in to: &quot;login&quot; is for profiles with sso_session or sso_start_url.</source>
        <translation>プロファイル %1 は IAM Identity Center を使用しないため、サインインするものはありません。「login」は sso_session または sso_start_url のあるプロファイル用です。</translation>
    </message>
    <message>
        <source>To sign in, open this URL in a browser on any device:

%1

and check that it shows the code:

%2

(Or open %3 and enter the code.) Waiting for the approval; Ctrl-C cancels.</source>
        <translation>サインインするには、任意のデバイスのブラウザーでこの URL を開いてください:

%1

次のコードが表示されていることを確認してください:

%2

(または %3 を開いてコードを入力してください。) 承認を待っています。Ctrl-C でキャンセルします。</translation>
    </message>
    <message>
        <source>Signed in to IAM Identity Center with profile %1 until %2.
</source>
        <translation>プロファイル %1 で IAM Identity Center にサインインしました (有効期限: %2)。
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
        <translation>セッションと詳細</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>The portals could not be loaded. %1</source>
        <translation>ポータルを読み込めませんでした。%1</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>再試行(&amp;R)</translation>
    </message>
    <message>
        <source>There are no WorkSpaces Secure Browser portals in %1. Check the region of the connection.</source>
        <translation>%1 には WorkSpaces Secure Browser のポータルがありません。接続のリージョンを確認してください。</translation>
    </message>
    <message numerus="yes">
        <source>The service sent %n session(s) twice; each is shown once.</source>
        <translation>
            <numerusform>サービスが %n 件のセッションを重複して送信しました。各セッションは 1 回だけ表示されます。</numerusform>
        </translation>
    </message>
    <message>
        <source>SessionScope — Demo data</source>
        <translation>SessionScope — デモデータ</translation>
    </message>
    <message>
        <source>SessionScope — %1</source>
        <translation>SessionScope — %1</translation>
    </message>
    <message>
        <source>No sessions match these filters.</source>
        <translation>このフィルターに一致するセッションはありません。</translation>
    </message>
    <message>
        <source>This portal has no sessions. Terminated sessions are kept for about 35 days.</source>
        <translation>このポータルにはセッションがありません。終了したセッションの保持期間は約 35 日です。</translation>
    </message>
    <message>
        <source>Loading sessions…</source>
        <translation>セッションを読み込んでいます…</translation>
    </message>
    <message>
        <source>No portal to show.</source>
        <translation>表示するポータルがありません。</translation>
    </message>
    <message>
        <source>%1 The sessions loaded so far stay in the list.</source>
        <translation>%1 これまでに読み込んだセッションは一覧に残ります。</translation>
    </message>
    <message numerus="yes">
        <source>AWS is limiting requests; retrying in %n s.</source>
        <translation>
            <numerusform>AWS がリクエストを制限しています。%n 秒後に再試行します。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The network did not answer; retrying in %n s.</source>
        <translation>
            <numerusform>ネットワークが応答しませんでした。%n 秒後に再試行します。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>AWS had a temporary problem; retrying in %n s.</source>
        <translation>
            <numerusform>AWS で一時的な問題が発生しました。%n 秒後に再試行します。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s) as tab-separated values</source>
        <translation>
            <numerusform>%n 行をタブ区切りの値としてコピーしました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n session ID(s)</source>
        <translation>
            <numerusform>%n 件のセッション ID をコピーしました</numerusform>
        </translation>
    </message>
    <message>
        <source>Only active sessions can be expired; none is selected.</source>
        <translation>終了できるのはアクティブなセッションだけですが、選択されていません。</translation>
    </message>
    <message numerus="yes">
        <source>Expired %1 of %n session(s)</source>
        <translation>
            <numerusform>%n 件中 %1 件のセッションを終了しました</numerusform>
        </translation>
    </message>
    <message>
        <source>Amazon Q Business instance ID</source>
        <translation>Amazon Q Business インスタンス ID</translation>
    </message>
    <message>
        <source>Amazon Q Business instance</source>
        <translation>Amazon Q Business インスタンス</translation>
    </message>
    <message>
        <source>The ID of the Amazon Q Business instance whose Q Apps sessions to read (for profile %1). Leave empty to turn Q App sharing off.</source>
        <translation>Q Apps セッションを読み取る Amazon Q Business インスタンスの ID です (プロファイル %1 用)。空欄にすると Q App の共有表示をオフにします。</translation>
    </message>
    <message>
        <source>“%1” is not an Amazon Q Business instance ID (it looks like a1b2c3d4-5678-90ab-cdef-EXAMPLE11111).</source>
        <translation>「%1」は Amazon Q Business インスタンス ID ではありません (ID は a1b2c3d4-5678-90ab-cdef-EXAMPLE11111 のような形式です)。</translation>
    </message>
    <message>
        <source>Your IAM Identity Center sign-in for profile %1 has expired.</source>
        <translation>プロファイル %1 の IAM Identity Center サインインの有効期限が切れました。</translation>
    </message>
    <message>
        <source>&amp;Sign in again</source>
        <translation>再度サインイン(&amp;S)</translation>
    </message>
</context>
<context>
    <name>MainWindowActions</name>
    <message>
        <source>&amp;Connection…</source>
        <translation>接続(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>更新(&amp;R)</translation>
    </message>
    <message>
        <source>Load &amp;all pages</source>
        <translation>すべてのページを読み込む(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Times in UTC</source>
        <translation>時刻を UTC で表示(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy selected rows</source>
        <translation>選択した行をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copy session &amp;ID</source>
        <translation>セッション ID をコピー(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Expire selected sessions…</source>
        <translation>選択したセッションを終了(&amp;E)…</translation>
    </message>
    <message>
        <source>Expire selected sessions…</source>
        <comment>toolbar button</comment>
        <translation>選択したセッションを終了…</translation>
    </message>
    <message>
        <source>Filter by &amp;username</source>
        <translation>ユーザー名で絞り込む(&amp;U)</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>フィルターをクリア(&amp;L)</translation>
    </message>
    <message>
        <source>Go to &amp;sessions</source>
        <translation>セッションへ移動(&amp;S)</translation>
    </message>
    <message>
        <source>Go to &amp;details</source>
        <translation>詳細へ移動(&amp;D)</translation>
    </message>
    <message>
        <source>Choose &amp;portal</source>
        <translation>ポータルを選択(&amp;P)</translation>
    </message>
    <message>
        <source>Look up a &amp;Q App session</source>
        <translation>Q App セッションを検索(&amp;Q)</translation>
    </message>
    <message>
        <source>Amazon Q &amp;Business instance…</source>
        <translation>Amazon Q Business インスタンス(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>エクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>メインツールバー</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>デモデータ</translation>
    </message>
    <message>
        <source>Connected to the built-in emulator with generated data; nothing here is real.</source>
        <translation>生成されたデータを使う内蔵エミュレーターに接続しています。ここに表示される内容はすべて架空のものです。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>セッション(&amp;S)</translation>
    </message>
</context>
<context>
    <name>MaxAttemptsResolver</name>
    <message>
        <source>profile %1</source>
        <translation>プロファイル %1</translation>
    </message>
    <message>
        <source>max_attempts (from %1) must be a whole number of at least 1, not &quot;%2&quot;.</source>
        <translation>max_attempts (%1 より) は「%2」ではなく、1 以上の整数である必要があります。</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Message severity</source>
        <translation>メッセージの重要度</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>メッセージの本文</translation>
    </message>
    <message>
        <source>Message action</source>
        <translation>メッセージの操作</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>メッセージを閉じる</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
</context>
<context>
    <name>MfaCodeDialog</name>
    <message>
        <source>MFA code</source>
        <translation>MFA コード</translation>
    </message>
    <message>
        <source>Profile “%1” assumes the role %2 (%3). Enter the current code of your MFA device %4.</source>
        <extracomment>%1 the profile, %2 the role&apos;s name, %3 the role&apos;s ARN, %4 the MFA device (ARN or serial number).</extracomment>
        <translation>プロファイル「%1」はロール %2 (%3) を引き受けます。MFA デバイス %4 の現在のコードを入力してください。</translation>
    </message>
    <message>
        <source>Six digits from the MFA device %1</source>
        <translation>MFA デバイス %1 の 6 桁の数字</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 桁</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>OK(&amp;O)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>&amp;MFA code:</source>
        <translation>MFA コード(&amp;M):</translation>
    </message>
</context>
<context>
    <name>NetworkSettings</name>
    <message>
        <source>connection settings</source>
        <translation>接続の設定</translation>
    </message>
    <message>
        <source>this is not a proxy URL; write it as http://host:port.</source>
        <translation>プロキシ URL ではありません。http://host:port の形式で指定してください。</translation>
    </message>
    <message>
        <source>proxies are reached over http:// or https://, not %1://.</source>
        <translation>プロキシには http:// または https:// で接続します。%1:// は使えません。</translation>
    </message>
    <message>
        <source>a proxy URL has no path; write it as http://host:port.</source>
        <translation>プロキシ URL にはパスを含めません。http://host:port の形式で指定してください。</translation>
    </message>
    <message>
        <source>a proxy URL has no query or fragment; write it as http://host:port.</source>
        <translation>プロキシ URL にはクエリやフラグメントを含めません。http://host:port の形式で指定してください。</translation>
    </message>
    <message>
        <source>“%1” is not a number of seconds.</source>
        <translation>「%1」は秒数ではありません。</translation>
    </message>
    <message>
        <source>a timeout cannot be negative (0 means no limit).</source>
        <translation>タイムアウトに負の値は指定できません (0 は無制限)。</translation>
    </message>
    <message>
        <source>%1 seconds is too long; write 0 for no limit.</source>
        <translation>%1 秒は長すぎます。無制限にするには 0 を指定してください。</translation>
    </message>
</context>
<context>
    <name>NetworkSettingsGroupBox</name>
    <message>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>参照(&amp;W)…</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>プロキシ</translation>
    </message>
    <message>
        <source>As the environment says (HTTPS_PROXY, HTTP_PROXY, NO_PROXY)</source>
        <translation>環境変数に従う (HTTPS_PROXY、HTTP_PROXY、NO_PROXY)</translation>
    </message>
    <message>
        <source>The system&apos;s proxy settings</source>
        <translation>システムのプロキシ設定</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>プロキシなし</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手動</translation>
    </message>
    <message>
        <source>HTTPS proxy</source>
        <translation>HTTPS プロキシ</translation>
    </message>
    <message>
        <source>http://proxy.example.com:3128 — for https:// requests</source>
        <translation>http://proxy.example.com:3128 — https:// リクエスト用</translation>
    </message>
    <message>
        <source>HTTP proxy</source>
        <translation>HTTP プロキシ</translation>
    </message>
    <message>
        <source>empty: http:// requests go direct</source>
        <translation>空欄: http:// リクエストは直接接続</translation>
    </message>
    <message>
        <source>No proxy for</source>
        <translation>プロキシを使わないホスト</translation>
    </message>
    <message>
        <source>.corp.example, 10.0.0.0/8, localhost</source>
        <translation>.corp.example, 10.0.0.0/8, localhost</translation>
    </message>
    <message>
        <source>Hosts reached directly, separated by commas: names (with or without a leading dot), IP addresses, CIDR ranges, each with an optional :port; * for all.</source>
        <translation>直接接続するホスト (カンマ区切り): ホスト名 (先頭のドットは任意)、IP アドレス、CIDR 範囲。それぞれに :port を付けることもできます。* はすべてのホストです。</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA バンドル</translation>
    </message>
    <message>
        <source>empty: AWS_CA_BUNDLE, the profile&apos;s ca_bundle, the system&apos;s</source>
        <translation>空欄: AWS_CA_BUNDLE、プロファイルの ca_bundle、システムの認証局の順</translation>
    </message>
    <message>
        <source>Choose the CA bundle file</source>
        <translation>CA バンドルファイルを選択</translation>
    </message>
    <message>
        <source>empty: the profile&apos;s or the default; 0: no limit</source>
        <translation>空欄: プロファイルの値または既定値、0: 無制限</translation>
    </message>
    <message>
        <source>Connect timeout in seconds</source>
        <translation>接続タイムアウト (秒)</translation>
    </message>
    <message>
        <source>default (10)</source>
        <translation>既定 (10)</translation>
    </message>
    <message>
        <source>Read timeout in seconds</source>
        <translation>読み取りタイムアウト (秒)</translation>
    </message>
    <message>
        <source>default (60)</source>
        <translation>既定 (60)</translation>
    </message>
    <message>
        <source>Problem with the network settings</source>
        <translation>ネットワーク設定の問題</translation>
    </message>
    <message>
        <source>Connect timeo&amp;ut (s):</source>
        <translation>接続タイムアウト (秒)(&amp;U):</translation>
    </message>
    <message>
        <source>Read ti&amp;meout (s):</source>
        <translation>読み取りタイムアウト (秒)(&amp;M):</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>プロキシ(&amp;X):</translation>
    </message>
    <message>
        <source>&amp;HTTPS proxy:</source>
        <translation>HTTPS プロキシ(&amp;H):</translation>
    </message>
    <message>
        <source>HTTP pr&amp;oxy:</source>
        <translation>HTTP プロキシ(&amp;O):</translation>
    </message>
    <message>
        <source>No proxy &amp;for:</source>
        <translation>プロキシを使わないホスト(&amp;F):</translation>
    </message>
    <message>
        <source>C&amp;A bundle:</source>
        <translation>CA バンドル(&amp;A):</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 a field&apos;s name (&quot;HTTPS proxy&quot;), %2 what is wrong with it</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>a manual proxy needs an HTTPS or HTTP proxy URL (or choose “No proxy”).</source>
        <translation>手動プロキシには HTTPS または HTTP プロキシの URL が必要です (または「プロキシなし」を選択してください)。</translation>
    </message>
    <message>
        <source>the file %1 does not exist.</source>
        <translation>ファイル %1 は存在しません。</translation>
    </message>
    <message>
        <source>the file %1 cannot be read.</source>
        <translation>ファイル %1 を読み取れません。</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>接続タイムアウト</translation>
    </message>
    <message>
        <source>Read timeout</source>
        <translation>読み取りタイムアウト</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer)</source>
        <translation>PEM 証明書 (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>PortalSelector</name>
    <message>
        <source>Portal</source>
        <translation>ポータル</translation>
    </message>
    <message>
        <source>P&amp;ortal:</source>
        <translation>ポータル(&amp;O):</translation>
    </message>
    <message>
        <source>Copy portal ID or ARN</source>
        <translation>ポータル ID または ARN をコピー</translation>
    </message>
    <message>
        <source>Copy the portal&apos;s ID or ARN</source>
        <translation>ポータルの ID または ARN をコピーします</translation>
    </message>
    <message>
        <source>Copy portal &amp;ID</source>
        <translation>ポータル ID をコピー(&amp;I)</translation>
    </message>
    <message>
        <source>Copy portal &amp;ARN</source>
        <translation>ポータル ARN をコピー(&amp;A)</translation>
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
        <translation>ポータルを読み込んでいます…</translation>
    </message>
    <message>
        <source>Portals could not be loaded</source>
        <translation>ポータルを読み込めませんでした</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No portals in this region</source>
        <translation>このリージョンにはポータルがありません</translation>
    </message>
    <message>
        <source>active</source>
        <translation>アクティブ</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>保留中</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>未完了</translation>
    </message>
    <message>
        <source>status unknown</source>
        <translation>状態不明</translation>
    </message>
</context>
<context>
    <name>PortalsCommand</name>
    <message>
        <source>PORTAL ID</source>
        <translation>ポータル ID</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>MAX SESSIONS</source>
        <translation>最大セッション数</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名前</translation>
    </message>
</context>
<context>
    <name>ProfileCredentialsProvider</name>
    <message>
        <source>The profile &quot;%1&quot; was not found in %2.</source>
        <translation>プロファイル「%1」が %2 に見つかりません。</translation>
    </message>
    <message>
        <source>profile %1 (%2)</source>
        <translation>プロファイル %1 (%2)</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; (%2) has no credentials: set aws_access_key_id and aws_secret_access_key, credential_process, role_arn with source_profile, web_identity_token_file or an IAM Identity Center sign-in (sso_session).</source>
        <translation>プロファイル「%1」(%2) に認証情報がありません: aws_access_key_id と aws_secret_access_key、credential_process、role_arn と source_profile、web_identity_token_file、または IAM Identity Center のサインイン (sso_session) を設定してください。</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; contains both source_profile and credential_source; keep one of them.</source>
        <translation>プロファイル「%1」に source_profile と credential_source の両方が含まれています。どちらか一方だけにしてください。</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has role_arn but neither source_profile nor credential_source to assume the role with.</source>
        <translation>プロファイル「%1」には role_arn がありますが、ロールを引き受けるための source_profile も credential_source もありません。</translation>
    </message>
    <message>
        <source>The credential_source &quot;%1&quot; of the profile &quot;%2&quot; is not valid: use Environment, Ec2InstanceMetadata or EcsContainer.</source>
        <translation>プロファイル「%2」の credential_source「%1」は無効です: Environment、Ec2InstanceMetadata、EcsContainer のいずれかを使ってください。</translation>
    </message>
    <message>
        <source>The source_profile &quot;%1&quot; named in the profile &quot;%2&quot; does not exist.</source>
        <translation>プロファイル「%2」で指定された source_profile「%1」は存在しません。</translation>
    </message>
    <message>
        <source>The profiles&apos; source_profile settings form a loop: %1. Point one of them at a profile with credentials.</source>
        <translation>プロファイルの source_profile 設定がループしています: %1。いずれかを認証情報のあるプロファイルに向けてください。</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>プロファイル %1</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; (%2) has aws_secret_access_key but no aws_access_key_id.</source>
        <translation>プロファイル「%1」(%2) には aws_secret_access_key がありますが、aws_access_key_id がありません。</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; (%2) has aws_access_key_id but no aws_secret_access_key.</source>
        <translation>プロファイル「%1」(%2) には aws_access_key_id がありますが、aws_secret_access_key がありません。</translation>
    </message>
</context>
<context>
    <name>ProxyAuthenticationHandler</name>
    <message>
        <source>Not connected: the proxy %1 refused the user name and password again. Check them, then connect again.</source>
        <translation>接続されていません: プロキシ %1 がユーザー名とパスワードを再び拒否しました。確認してから、もう一度接続してください。</translation>
    </message>
    <message>
        <source>Not connected: the proxy %1 needs a user name and password.</source>
        <translation>接続されていません: プロキシ %1 にはユーザー名とパスワードが必要です。</translation>
    </message>
</context>
<context>
    <name>ProxyCredentialStore</name>
    <message>
        <source>proxy %1:%2</source>
        <translation>プロキシ %1:%2</translation>
    </message>
    <message>
        <source>proxy %1</source>
        <translation>プロキシ %1</translation>
    </message>
</context>
<context>
    <name>ProxyCredentialsDialog</name>
    <message>
        <source>&amp;Remember in the keychain</source>
        <translation>キーチェーンに記憶(&amp;R)</translation>
    </message>
    <message>
        <source>Proxy sign-in</source>
        <translation>プロキシへのサインイン</translation>
    </message>
    <message>
        <source>The proxy %1 did not accept the user name and password. Enter them again.</source>
        <extracomment>%1 the proxy&apos;s host and port (&quot;proxy.corp.example:3128&quot;)</extracomment>
        <translation>プロキシ %1 はユーザー名とパスワードを受け付けませんでした。もう一度入力してください。</translation>
    </message>
    <message>
        <source>The proxy %1 needs a user name and password before SessionScope can reach AWS.</source>
        <translation>SessionScope が AWS に接続するには、プロキシ %1 のユーザー名とパスワードが必要です。</translation>
    </message>
    <message>
        <source>Proxy user name</source>
        <translation>プロキシのユーザー名</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>プロキシのパスワード</translation>
    </message>
    <message>
        <source>Remember in the keychain</source>
        <translation>キーチェーンに記憶</translation>
    </message>
    <message>
        <source>Keep the user name and password in the system keychain for the next time this proxy asks.</source>
        <translation>次回このプロキシに求められたときのために、ユーザー名とパスワードをシステムのキーチェーンに保管します。</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>OK(&amp;O)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>ユーザー名(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
</context>
<context>
    <name>ProxySettings</name>
    <message>
        <source>The proxy &quot;%1&quot;%2 is not a URL with a host, such as http://proxy.example.com:3128.</source>
        <extracomment>%1 the proxy URL (without its password), %2 where it was set, e.g. &quot; (HTTPS_PROXY)&quot;</extracomment>
        <translation>プロキシ「%1」%2 は、http://proxy.example.com:3128 のようなホストを含む URL ではありません。</translation>
    </message>
    <message>
        <source>The proxy &quot;%1&quot;%2 is reached over https, which SessionScope cannot do; use http://, through which https requests are still encrypted end to end.</source>
        <translation>プロキシ「%1」%2 には https で接続しますが、SessionScope はこれに対応していません。http:// を使ってください。その場合も https リクエストはエンドツーエンドで暗号化されます。</translation>
    </message>
    <message>
        <source>The proxy &quot;%1&quot;%2 has the scheme &quot;%3&quot;; SessionScope speaks to http:// and socks5:// proxies.</source>
        <translation>プロキシ「%1」%2 のスキームは「%3」です。SessionScope が対応しているのは http:// と socks5:// のプロキシです。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>the system&apos;s proxy settings</source>
        <translation>システムのプロキシ設定</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>直接接続</translation>
    </message>
    <message>
        <source>https: %1, http: %2</source>
        <extracomment>%1 the proxy of https requests, %2 the one of http requests (a URL or &quot;direct&quot;)</extracomment>
        <translation>https: %1、http: %2</translation>
    </message>
    <message>
        <source>; not for: %1</source>
        <extracomment>%1 the NO_PROXY entries, comma-separated</extracomment>
        <translation>、除外: %1</translation>
    </message>
</context>
<context>
    <name>ProxyTunnelProbe</name>
    <message>
        <source>no answer in time</source>
        <translation>時間内に応答がありません</translation>
    </message>
</context>
<context>
    <name>QAppSharingSection</name>
    <message>
        <source>Not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Q App sharing</source>
        <translation>Q App の共有</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>検索(&amp;L)</translation>
    </message>
    <message>
        <source>Q App session name</source>
        <translation>Q App セッション名</translation>
    </message>
    <message>
        <source>Q App session ARN</source>
        <translation>Q App セッション ARN</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>共有</translation>
    </message>
    <message>
        <source>Accepts responses</source>
        <translation>回答の受け付け</translation>
    </message>
    <message>
        <source>Reveals cards</source>
        <translation>カードの公開</translation>
    </message>
    <message>
        <source>Owned by you</source>
        <translation>自分が所有者</translation>
    </message>
    <message>
        <source>Q App session ID to look up</source>
        <translation>検索する Q App セッション ID</translation>
    </message>
    <message>
        <source>Any Q App session ID</source>
        <translation>任意の Q App セッション ID</translation>
    </message>
    <message>
        <source>Look up Q App session</source>
        <translation>Q App セッションを検索</translation>
    </message>
    <message>
        <source>Q App session shown</source>
        <translation>表示中の Q App セッション</translation>
    </message>
    <message>
        <source>Session name:</source>
        <translation>セッション名:</translation>
    </message>
    <message>
        <source>Session ARN:</source>
        <translation>セッション ARN:</translation>
    </message>
    <message>
        <source>Sharing:</source>
        <translation>共有:</translation>
    </message>
    <message>
        <source>Accepts responses:</source>
        <translation>回答の受け付け:</translation>
    </message>
    <message>
        <source>Reveals cards:</source>
        <translation>カードの公開:</translation>
    </message>
    <message>
        <source>Owned by you:</source>
        <translation>自分が所有者:</translation>
    </message>
    <message>
        <source>Q App session %1</source>
        <translation>Q App セッション %1</translation>
    </message>
    <message>
        <source>Select a session, or type a Q App session ID above.</source>
        <translation>セッションを選択するか、上に Q App セッション ID を入力してください。</translation>
    </message>
    <message>
        <source>Not configured: reading Q App sharing settings needs the ID of your Amazon Q Business instance.</source>
        <translation>未設定: Q App の共有設定を読み取るには、Amazon Q Business インスタンスの ID が必要です。</translation>
    </message>
    <message>
        <source>No Q App session can have this ID: Q App session IDs are lower-case UUIDs.</source>
        <translation>この ID の Q App セッションはありえません。Q App セッション ID は小文字の UUID です。</translation>
    </message>
    <message>
        <source>Loading the Q App session…</source>
        <translation>Q App セッションを読み込んでいます…</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(名前なし)</translation>
    </message>
    <message>
        <source>On: the session is shared</source>
        <translation>オン: セッションは共有されています</translation>
    </message>
    <message>
        <source>Off: not shared</source>
        <translation>オフ: 共有されていません</translation>
    </message>
    <message>
        <source>On: accepts responses</source>
        <translation>オン: 回答を受け付けます</translation>
    </message>
    <message>
        <source>Off: does not accept responses</source>
        <translation>オフ: 回答を受け付けません</translation>
    </message>
    <message>
        <source>On: reveals cards</source>
        <translation>オン: カードを公開します</translation>
    </message>
    <message>
        <source>Off: does not reveal cards</source>
        <translation>オフ: カードを公開しません</translation>
    </message>
    <message>
        <source>Yes, you own this session</source>
        <translation>はい、このセッションの所有者はあなたです</translation>
    </message>
    <message>
        <source>No, another user owns this session</source>
        <translation>いいえ、このセッションの所有者は別のユーザーです</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>報告なし</translation>
    </message>
    <message>
        <source>No Q App session with this ID in Amazon Q Business instance %1.</source>
        <translation>Amazon Q Business インスタンス %1 に、この ID の Q App セッションはありません。</translation>
    </message>
    <message>
        <source>Set i&amp;nstance ID…</source>
        <translation>インスタンス ID を設定(&amp;N)…</translation>
    </message>
    <message>
        <source>Change i&amp;nstance ID…</source>
        <translation>インスタンス ID を変更(&amp;N)…</translation>
    </message>
</context>
<context>
    <name>QAppsClient</name>
    <message>
        <source>The Amazon Q Business instance id &quot;%1&quot; is not valid: it must be 1 to 256 visible ASCII characters.</source>
        <translation>Amazon Q Business インスタンス ID「%1」は無効です: 1～256 文字の表示可能な ASCII 文字である必要があります。</translation>
    </message>
    <message>
        <source>The Q Apps session id &quot;%1&quot; is not valid: it must be a lower-case UUID version 4 (xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx).</source>
        <translation>Q Apps セッション ID「%1」は無効です: 小文字の UUID バージョン 4 (xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx) である必要があります。</translation>
    </message>
    <message>
        <source>The session name is longer than 100 characters (it has %1).</source>
        <translation>セッション名が 100 文字を超えています (%1 文字)。</translation>
    </message>
</context>
<context>
    <name>RegionResolver</name>
    <message>
        <source>profile %1</source>
        <translation>プロファイル %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (from %2) is an Availability Zone, not a region; use &quot;%3&quot;.</source>
        <translation>「%1」(%2 より) はリージョンではなくアベイラビリティーゾーンです。「%3」を使ってください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (from %2) is not an AWS region name such as us-east-1 or eu-west-1.</source>
        <translation>「%1」(%2 より) は us-east-1 や eu-west-1 のような AWS リージョン名ではありません。</translation>
    </message>
    <message>
        <source>No AWS region is set. Choose one with --region, set AWS_REGION, or add &quot;region = us-east-1&quot; to profile %1 in %2 (for example: aws configure set region us-east-1 --profile %1).</source>
        <translation>AWS リージョンが設定されていません。--region で選択するか、AWS_REGION を設定するか、%2 のプロファイル %1 に「region = us-east-1」を追加してください (例: aws configure set region us-east-1 --profile %1)。</translation>
    </message>
</context>
<context>
    <name>RetryModeResolver</name>
    <message>
        <source>profile %1</source>
        <translation>プロファイル %1</translation>
    </message>
    <message>
        <source>retry_mode (from %1) must be legacy, standard or adaptive, not &quot;%2&quot;.</source>
        <extracomment>%1 where the value came from (AWS_RETRY_MODE, &quot;profile dev&quot;), %2 the value.</extracomment>
        <translation>retry_mode (%1 で指定) には legacy、standard、adaptive のいずれかを指定してください (「%2」は無効です)。</translation>
    </message>
</context>
<context>
    <name>SectionStatePanel</name>
    <message>
        <source>Section state</source>
        <translation>セクションの状態</translation>
    </message>
    <message>
        <source>State icon</source>
        <translation>状態アイコン</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>読み込み中</translation>
    </message>
    <message>
        <source>Section action</source>
        <translation>セクションの操作</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>接続されていません。</translation>
    </message>
</context>
<context>
    <name>ServiceGateway</name>
    <message>
        <source>This connection cannot ask AWS who its credentials belong to.</source>
        <translation>この接続では、認証情報の所有者を AWS に問い合わせることができません。</translation>
    </message>
</context>
<context>
    <name>SessionCommand</name>
    <message>
        <source>FIELD</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>値</translation>
    </message>
</context>
<context>
    <name>SessionDetailPane</name>
    <message>
        <source>Session details</source>
        <translation>セッションの詳細</translation>
    </message>
    <message>
        <source>No session selected</source>
        <translation>セッションが選択されていません</translation>
    </message>
    <message>
        <source>Select a session to see its details, client IP addresses and Q App sharing settings.</source>
        <translation>セッションを選択すると、詳細、クライアント IP アドレス、Q App の共有設定が表示されます。</translation>
    </message>
</context>
<context>
    <name>SessionExporter</name>
    <message>
        <source>Choose a portal to export its sessions.</source>
        <translation>セッションをエクスポートするポータルを選択してください。</translation>
    </message>
    <message>
        <source>The client IP address column needs a connection to WorkSpaces Web.</source>
        <translation>クライアント IP アドレスの列には WorkSpaces Web への接続が必要です。</translation>
    </message>
    <message>
        <source>The Q App sharing columns need an Amazon Q Business instance id. Set it in the connection settings (or with --instance-id).</source>
        <translation>Q App の共有の列には Amazon Q Business インスタンス ID が必要です。接続の設定 (または --instance-id) で指定してください。</translation>
    </message>
    <message>
        <source>The service sent a page token it had already sent for this list; the export stopped to avoid an endless loop.</source>
        <translation>サービスがこの一覧で送信済みのページトークンを再び送信しました。無限ループを避けるため、エクスポートを停止しました。</translation>
    </message>
    <message>
        <source>The service sent %1 pages in a row without a new session; the export stopped.</source>
        <translation>サービスが新しいセッションのないページを %1 ページ続けて送信したため、エクスポートを停止しました。</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>エクスポートはキャンセルされました。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n session(s) to %1.</source>
        <translation>
            <numerusform>%n 件のセッションを %1 にエクスポートしました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The export was cancelled after %n session(s); no file was written.</source>
        <translation>
            <numerusform>%n 件のセッションの後でエクスポートがキャンセルされました。ファイルは書き込まれていません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The export failed after %n session(s): %1 No file was written.</source>
        <translation>
            <numerusform>%n 件のセッションの後でエクスポートが失敗しました: %1 ファイルは書き込まれていません。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionFilterBar</name>
    <message>
        <source>Session filters</source>
        <translation>セッションのフィルター</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>状態フィルター</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>アクティブ</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>終了済み</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>ユーザー名(&amp;U):</translation>
    </message>
    <message>
        <source>Username filter</source>
        <translation>ユーザー名フィルター</translation>
    </message>
    <message>
        <source>Exact username (Ctrl+F)</source>
        <translation>ユーザー名 (完全一致、Ctrl+F)</translation>
    </message>
    <message>
        <source>Shows only the sessions of this user. The service matches the whole username exactly.</source>
        <translation>このユーザーのセッションだけを表示します。サービスはユーザー名全体の完全一致で照合します。</translation>
    </message>
    <message>
        <source>Session &amp;ID:</source>
        <translation>セッション ID(&amp;I):</translation>
    </message>
    <message>
        <source>Session ID lookup</source>
        <translation>セッション ID の検索</translation>
    </message>
    <message>
        <source>Look up one session</source>
        <translation>セッションを 1 つ検索</translation>
    </message>
    <message>
        <source>Session ID problem</source>
        <translation>セッション ID の問題</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>フィルターをクリア</translation>
    </message>
    <message>
        <source>Show all sessions of the portal</source>
        <translation>ポータルのすべてのセッションを表示します</translation>
    </message>
    <message>
        <source>A session ID is 36 letters, digits or dashes</source>
        <translation>セッション ID は英字、数字、ダッシュの 36 文字です</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状態(&amp;T):</translation>
    </message>
</context>
<context>
    <name>SessionListLister</name>
    <message>
        <source>Invalid page token.</source>
        <translation>ページトークンが無効です。</translation>
    </message>
</context>
<context>
    <name>SessionStatusLine</name>
    <message>
        <source>Load &amp;all</source>
        <translation>すべて読み込む(&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Session list status</source>
        <translation>セッション一覧の状態</translation>
    </message>
    <message>
        <source>Sessions loaded</source>
        <translation>読み込んだセッション</translation>
    </message>
    <message>
        <source>Loading sessions</source>
        <translation>セッションを読み込み中</translation>
    </message>
    <message>
        <source>Load all sessions</source>
        <translation>すべてのセッションを読み込む</translation>
    </message>
    <message>
        <source>Load every page of this list (needed to sort by columns other than Start time)</source>
        <translation>この一覧のすべてのページを読み込みます (開始時刻以外の列で並べ替えるのに必要です)</translation>
    </message>
    <message>
        <source>Cancel loading all sessions</source>
        <translation>全セッションの読み込みをキャンセル</translation>
    </message>
    <message>
        <source>No portal selected</source>
        <translation>ポータルが選択されていません</translation>
    </message>
    <message>
        <source>Sessions loaded: %L1</source>
        <translation>読み込んだセッション: %L1</translation>
    </message>
    <message>
        <source>%1 — loading all…</source>
        <translation>%1 — すべて読み込んでいます…</translation>
    </message>
    <message>
        <source>%1 — loading more…</source>
        <translation>%1 — 続きを読み込んでいます…</translation>
    </message>
    <message>
        <source>%1 — more available</source>
        <translation>%1 — 続きがあります</translation>
    </message>
    <message>
        <source>%1 — all loaded</source>
        <translation>%1 — すべて読み込み済み</translation>
    </message>
</context>
<context>
    <name>SessionSummary</name>
    <message>
        <source>Active</source>
        <translation>アクティブ</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>終了済み</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
</context>
<context>
    <name>SessionSummarySection</name>
    <message>
        <source>Session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>セッション ID</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>開始時刻</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>終了時刻</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>継続時間</translation>
    </message>
    <message>
        <source>Portal ARN</source>
        <translation>ポータル ARN</translation>
    </message>
    <message>
        <source>Session ID:</source>
        <translation>セッション ID:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>ユーザー名:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状態:</translation>
    </message>
    <message>
        <source>Start time:</source>
        <translation>開始時刻:</translation>
    </message>
    <message>
        <source>End time:</source>
        <translation>終了時刻:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>継続時間:</translation>
    </message>
    <message>
        <source>Portal ARN:</source>
        <translation>ポータル ARN:</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>報告なし</translation>
    </message>
    <message>
        <source>Still running</source>
        <translation>実行中</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message numerus="yes">
        <source>The service sent a page token it had already sent for this list, so loading stopped to avoid an endless loop (%n session(s) loaded).</source>
        <translation>
            <numerusform>サービスがこの一覧で送信済みのページトークンを再び送信したため、無限ループを避けるために読み込みを停止しました (%n 件のセッションを読み込み済み)。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The service sent %1 pages in a row without a new session, so loading stopped (%n session(s) loaded).</source>
        <translation>
            <numerusform>サービスが新しいセッションのないページを %1 ページ続けて送信したため、読み込みを停止しました (%n 件のセッションを読み込み済み)。</numerusform>
        </translation>
    </message>
    <message>
        <source>Still active</source>
        <translation>継続中</translation>
    </message>
    <message>
        <source>%1 s so far, since %2</source>
        <translation>%2 から現在まで %1 秒</translation>
    </message>
    <message>
        <source>%1 s, from %2 to %3</source>
        <translation>%1 秒 (%2 から %3 まで)</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>セッション ID</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Start time (UTC)</source>
        <translation>開始時刻 (UTC)</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>開始時刻</translation>
    </message>
    <message>
        <source>End time (UTC)</source>
        <translation>終了時刻 (UTC)</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>終了時刻</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>継続時間</translation>
    </message>
    <message>
        <source>Sorted by the service. Times in UTC.</source>
        <translation>サービス側で並べ替え済み。時刻は UTC です。</translation>
    </message>
    <message>
        <source>Sorted by the service. Times in local time (%1).</source>
        <translation>サービス側で並べ替え済み。時刻はローカル時刻 (%1) です。</translation>
    </message>
    <message>
        <source>Times in UTC.</source>
        <translation>時刻は UTC です。</translation>
    </message>
    <message>
        <source>Times in local time (%1).</source>
        <translation>時刻はローカル時刻 (%1) です。</translation>
    </message>
    <message>
        <source>Sortable once every page is loaded.</source>
        <translation>すべてのページを読み込むと並べ替えできます。</translation>
    </message>
    <message numerus="yes">
        <source>Sorting by %1 needs every page loaded (%n session(s) loaded so far). Load all pages first; start time can always be sorted.</source>
        <translation>
            <numerusform>%1 で並べ替えるには、すべてのページを読み込む必要があります (現在 %n 件のセッションを読み込み済み)。先にすべてのページを読み込んでください。開始時刻ではいつでも並べ替えできます。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionTableView</name>
    <message>
        <source>Sessions</source>
        <translation>セッション</translation>
    </message>
    <message>
        <source>Session rows</source>
        <translation>セッションの行</translation>
    </message>
    <message>
        <source>Session columns</source>
        <translation>セッションの列</translation>
    </message>
    <message>
        <source>Sort &amp;by</source>
        <translation>並べ替え(&amp;B)</translation>
    </message>
    <message>
        <source>Session &amp;ID</source>
        <translation>セッション ID(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>ユーザー名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状態(&amp;S)</translation>
    </message>
    <message>
        <source>Start &amp;time</source>
        <translation>開始時刻(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;End time</source>
        <translation>終了時刻(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>継続時間(&amp;D)</translation>
    </message>
</context>
<context>
    <name>SessionWriter</name>
    <message>
        <source>the output is not open for writing</source>
        <translation>出力が書き込み用に開かれていません</translation>
    </message>
    <message>
        <source>the write failed</source>
        <translation>書き込みに失敗しました</translation>
    </message>
</context>
<context>
    <name>SessionsCommand</name>
    <message>
        <source>--format table writes to the terminal; use csv, json or jsonl with --output</source>
        <translation>--format table は端末に出力します。--output には csv、json、jsonl を使ってください</translation>
    </message>
    <message>
        <source>could not start the export</source>
        <translation>エクスポートを開始できませんでした</translation>
    </message>
    <message numerus="yes">
        <source>after %n session(s) were written</source>
        <translation>
            <numerusform>%n 件のセッションを書き込んだ後</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>after %n session(s); no file was written</source>
        <translation>
            <numerusform>%n 件のセッションの後。ファイルは書き込まれませんでした</numerusform>
        </translation>
    </message>
    <message>
        <source>error: %1 (%2)</source>
        <extracomment>%1 is the error, %2 what became of the output (&quot;after 5 sessions were written&quot;).</extracomment>
        <translation>エラー: %1 (%2)</translation>
    </message>
    <message>
        <source>%1, %2, %3 s, %4 sessions/s</source>
        <extracomment>Progress on the terminal: %1 sessions written, %2 pages fetched, %3 seconds, %4 sessions per second.</extracomment>
        <translation>%1、%2、%3 秒、%4 セッション/秒</translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln 件のセッション</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s)</source>
        <translation>
            <numerusform>%Ln ページ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln lookup(s)</source>
        <translation>
            <numerusform>、%Ln 回の照会</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%Ln throttled, slowed down)</source>
        <translation>
            <numerusform> (%Ln 回の制限により減速)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SharedConfig</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 と %2</translation>
    </message>
</context>
<context>
    <name>SharedConfigFile</name>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1、%2 行目: %3</translation>
    </message>
    <message>
        <source>expected an indented &quot;key = value&quot; setting under &quot;%1&quot;.</source>
        <translation>「%1」の下にはインデントされた「key = value」形式の設定が必要です。</translation>
    </message>
    <message>
        <source>a section header is missing its closing &quot;]&quot;.</source>
        <translation>セクションヘッダーに閉じる「]」がありません。</translation>
    </message>
    <message>
        <source>unexpected text after the section header.</source>
        <translation>セクションヘッダーの後に予期しないテキストがあります。</translation>
    </message>
    <message>
        <source>the section header has no name.</source>
        <translation>セクションヘッダーに名前がありません。</translation>
    </message>
    <message>
        <source>a setting appears before the first [section] header.</source>
        <translation>最初の [セクション] ヘッダーより前に設定があります。</translation>
    </message>
    <message>
        <source>expected &quot;key = value&quot;, a [section] header or a comment.</source>
        <translation>「key = value」、[セクション] ヘッダー、またはコメントが必要です。</translation>
    </message>
    <message>
        <source>a setting has no name before &quot;=&quot;.</source>
        <translation>「=」の前に設定名がありません。</translation>
    </message>
    <message>
        <source>%1 is a folder, not an AWS configuration file.</source>
        <translation>%1 は AWS 設定ファイルではなくフォルダーです。</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 を読み取れませんでした: %2</translation>
    </message>
    <message>
        <source>%1 is too large to be an AWS configuration file.</source>
        <translation>%1 は AWS 設定ファイルとしては大きすぎます。</translation>
    </message>
</context>
<context>
    <name>SharingCommand</name>
    <message>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>FIELD</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>値</translation>
    </message>
    <message>
        <source>sharing enabled</source>
        <translation>共有が有効</translation>
    </message>
    <message>
        <source>accepts responses</source>
        <translation>回答を受け付ける</translation>
    </message>
    <message>
        <source>reveals cards</source>
        <translation>カードを公開する</translation>
    </message>
    <message>
        <source>you own it</source>
        <translation>自分が所有者</translation>
    </message>
</context>
<context>
    <name>ShortcutCatalog</name>
    <message>
        <source> or </source>
        <translation> または </translation>
    </message>
    <message>
        <source>when %1 has the focus</source>
        <translation>%1 にフォーカスがあるとき</translation>
    </message>
    <message>
        <source>%1, then %2</source>
        <translation>%1、次に %2</translation>
    </message>
    <message>
        <source>%1 menu</source>
        <translation>%1 メニュー</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>Open the %1 menu</source>
        <translation>%1 メニューを開く</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>メニューバー</translation>
    </message>
    <message>
        <source>Anywhere in the window</source>
        <translation>ウィンドウ内のどこでも</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>%1 へ移動</translation>
    </message>
    <message>
        <source>Go to the next control</source>
        <translation>次のコントロールへ移動</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>どこでも</translation>
    </message>
    <message>
        <source>Go to the previous control</source>
        <translation>前のコントロールへ移動</translation>
    </message>
    <message>
        <source>Press the focused button or tick the focused box</source>
        <translation>フォーカスのあるボタンを押す、またはチェックボックスをオン/オフにする</translation>
    </message>
    <message>
        <source>Move through a list (the session list loads more at its end)</source>
        <translation>一覧内を移動 (セッション一覧は末尾で続きを読み込みます)</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>一覧</translation>
    </message>
    <message>
        <source>Select several sessions</source>
        <translation>複数のセッションを選択</translation>
    </message>
    <message>
        <source>Session list</source>
        <translation>セッション一覧</translation>
    </message>
    <message>
        <source>Close a dialog, menu or drop-down list</source>
        <translation>ダイアログ、メニュー、ドロップダウンリストを閉じる</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>検索(&amp;S):</translation>
    </message>
    <message>
        <source>Search shortcuts</source>
        <translation>ショートカットを検索</translation>
    </message>
    <message>
        <source>A command, a key or a menu, e.g. “copy” or “Ctrl”</source>
        <translation>コマンド、キー、メニュー (例:「コピー」、「Ctrl」)</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>コマンド</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>No matching shortcut</source>
        <translation>一致するショートカットはありません</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>No shortcut; reach it through the menu: %1</source>
        <translation>ショートカットはありません。メニューから実行してください: %1</translation>
    </message>
    <message>
        <source>No command, key or place matches “%1”.</source>
        <translation>「%1」に一致するコマンド、キー、場所はありません。</translation>
    </message>
</context>
<context>
    <name>SsoCredentialsProvider</name>
    <message>
        <source>The IAM Identity Center sign-in for profile %1 has expired. Sign in again: sessionscope-cli login --profile %1 (or aws sso login --profile %1).</source>
        <translation>プロファイル %1 の IAM Identity Center サインインの有効期限が切れました。再度サインインしてください: sessionscope-cli login --profile %1 (または aws sso login --profile %1)。</translation>
    </message>
    <message>
        <source>IAM Identity Center profile %1</source>
        <translation>IAM Identity Center プロファイル %1</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; is configured to use SSO but is missing required configuration: %2</source>
        <translation>プロファイル「%1」は SSO を使うよう設定されていますが、必要な設定がありません: %2</translation>
    </message>
</context>
<context>
    <name>SsoDeviceLogin</name>
    <message>
        <source>The IAM Identity Center sign-in was cancelled.</source>
        <translation>IAM Identity Center のサインインはキャンセルされました。</translation>
    </message>
    <message>
        <source>The sign-in code expired before it was approved. Start the sign-in again.</source>
        <translation>サインインコードは承認される前に期限切れになりました。サインインをやり直してください。</translation>
    </message>
    <message>
        <source>The IAM Identity Center sign-in was refused.</source>
        <translation>IAM Identity Center のサインインは拒否されました。</translation>
    </message>
</context>
<context>
    <name>SsoOidcClient</name>
    <message>
        <source>IAM Identity Center answered %1 with something other than a JSON object.</source>
        <translation>IAM Identity Center は %1 に JSON オブジェクト以外のもので応答しました。</translation>
    </message>
    <message>
        <source>IAM Identity Center answered %1 without a valid &quot;%2&quot;.</source>
        <translation>IAM Identity Center の %1 の応答に有効な「%2」がありません。</translation>
    </message>
</context>
<context>
    <name>SsoPortalClient</name>
    <message>
        <source>IAM Identity Center answered GetRoleCredentials without a valid &quot;%1&quot;.</source>
        <translation>IAM Identity Center の GetRoleCredentials の応答に有効な「%1」がありません。</translation>
    </message>
</context>
<context>
    <name>SsoProfile</name>
    <message>
        <source>The config profile (%1) could not be found in %2.</source>
        <translation>設定プロファイル (%1) が %2 に見つかりませんでした。</translation>
    </message>
    <message>
        <source>The specified sso-session does not exist: &quot;%1&quot; (profile %2 names it; add an [sso-session %1] section to %3).</source>
        <translation>指定された sso-session は存在しません: 「%1」(プロファイル %2 が指定しています。%3 に [sso-session %1] セクションを追加してください)。</translation>
    </message>
    <message>
        <source>The value for %1 is inconsistent between profile (%2) and sso-session (%3).</source>
        <translation>%1 の値がプロファイル (%2) と sso-session (%3) で一致しません。</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; is not configured for IAM Identity Center: it has neither sso_session nor sso_start_url.</source>
        <translation>プロファイル「%1」は IAM Identity Center 用に設定されていません: sso_session も sso_start_url もありません。</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; is configured to use SSO but is missing required configuration: %2</source>
        <translation>プロファイル「%1」は SSO を使うよう設定されていますが、必要な設定がありません: %2</translation>
    </message>
    <message>
        <source>The sso_region &quot;%1&quot; of profile &quot;%2&quot; is not a region name such as us-east-1.</source>
        <translation>プロファイル「%2」の sso_region「%1」は us-east-1 のようなリージョン名ではありません。</translation>
    </message>
</context>
<context>
    <name>SsoRegistrationCache</name>
    <message>
        <source>The IAM Identity Center client registration file %1 is not a registration.</source>
        <translation>IAM Identity Center のクライアント登録ファイル %1 は登録情報ではありません。</translation>
    </message>
</context>
<context>
    <name>SsoSignInDialog</name>
    <message>
        <source>Cop&amp;y code</source>
        <translation>コードをコピー(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Open the sign-in page again</source>
        <translation>サインインページを再度開く(&amp;O)</translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation>リンクをコピー(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>Sign in to IAM Identity Center</source>
        <translation>IAM Identity Center にサインイン</translation>
    </message>
    <message>
        <source>Signing in profile “%1” to IAM Identity Center.</source>
        <extracomment>%1 the profile, %2 the AWS access portal URL</extracomment>
        <translation>プロファイル「%1」で IAM Identity Center にサインインしています。</translation>
    </message>
    <message>
        <source>Signing in profile “%1” to IAM Identity Center at %2.</source>
        <translation>プロファイル「%1」で %2 の IAM Identity Center にサインインしています。</translation>
    </message>
    <message>
        <source>Code to confirm</source>
        <translation>確認するコード</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>コードをコピー</translation>
    </message>
    <message>
        <source>Open the sign-in page again</source>
        <translation>サインインページを再度開く</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>リンクをコピー</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>サインインの状態</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Asking IAM Identity Center for a sign-in code…</source>
        <translation>IAM Identity Center にサインインコードを要求しています…</translation>
    </message>
    <message>
        <source>Your browser shows the sign-in page. Check that it shows this code, sign in and allow access. If no page opened, go to %1 and enter the code.</source>
        <extracomment>%1 the verification page (without the code), e.g. https://device.sso.us-east-1.amazonaws.com/</extracomment>
        <translation>ブラウザーにサインインページが表示されます。このコードが表示されていることを確認し、サインインしてアクセスを許可してください。ページが開かない場合は、%1 にアクセスしてコードを入力してください。</translation>
    </message>
    <message>
        <source>Waiting for you to allow access in the browser…</source>
        <translation>ブラウザーでアクセスが許可されるのを待っています…</translation>
    </message>
    <message>
        <source>Waiting for you to allow access in the browser (the code works until %1)…</source>
        <translation>ブラウザーでアクセスが許可されるのを待っています (コードの有効期限: %1)…</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>サインインしました。</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>サインインしていません: %1</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>The browser could not be opened. Copy the link and open it yourself, or go to %1 and enter the code.</source>
        <translation>ブラウザーを開けませんでした。リンクをコピーしてご自身で開くか、%1 にアクセスしてコードを入力してください。</translation>
    </message>
</context>
<context>
    <name>SsoTokenCache</name>
    <message>
        <source>The IAM Identity Center token cache file %1 has no valid &quot;%2&quot;. Sign in again to replace it.</source>
        <translation>IAM Identity Center のトークンキャッシュファイル %1 に有効な「%2」がありません。置き換えるには再度サインインしてください。</translation>
    </message>
</context>
<context>
    <name>StaticCredentialsProvider</name>
    <message>
        <source>The access key id or the secret access key is empty.</source>
        <translation>アクセスキー ID またはシークレットアクセスキーが空です。</translation>
    </message>
</context>
<context>
    <name>StsClient</name>
    <message>
        <source>STS answered GetCallerIdentity without an Arn.</source>
        <translation>STS の GetCallerIdentity の応答に Arn がありません。</translation>
    </message>
    <message>
        <source>STS answered %1 with something that is not its XML answer.</source>
        <translation>STS は %1 に XML の応答ではないもので応答しました。</translation>
    </message>
    <message>
        <source>STS answered %1 without complete credentials (access key id, secret, session token and expiration).</source>
        <translation>STS の %1 の応答に完全な認証情報 (アクセスキー ID、シークレット、セッショントークン、有効期限) がありません。</translation>
    </message>
</context>
<context>
    <name>TableSessionWriter</name>
    <message>
        <source>SESSION ID</source>
        <translation>セッション ID</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>START</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>END</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>USERNAME</source>
        <translation>ユーザー名</translation>
    </message>
</context>
<context>
    <name>TerminalPrompts</name>
    <message>
        <source>Not signed in: the MFA code was not entered.</source>
        <translation>サインインしていません: MFA コードが入力されませんでした。</translation>
    </message>
    <message>
        <source>Profile %1 needs a code from the MFA device %2, but %3 Run the command once from a terminal (the role&apos;s credentials are then cached in ~/.aws/cli/cache and reused until they expire), or use a profile without mfa_serial.</source>
        <extracomment>%1 the profile, %2 the MFA device, %3 why no one can be asked (a sentence).</extracomment>
        <translation>プロファイル %1 には MFA デバイス %2 のコードが必要ですが、%3 一度ターミナルからコマンドを実行するか (ロールの認証情報は ~/.aws/cli/cache にキャッシュされ、有効期限まで再利用されます)、mfa_serial のないプロファイルを使ってください。</translation>
    </message>
    <message>
        <source>sessionscope-cli is not running in a terminal, so nobody can type it.</source>
        <translation>sessionscope-cli がターミナルで実行されていないため、誰もコードを入力できません。</translation>
    </message>
    <message>
        <source>the terminal %1 cannot be opened (%2).</source>
        <translation>ターミナル %1 を開けません (%2)。</translation>
    </message>
</context>
<context>
    <name>TimeFormat</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1日 %2時間</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1日</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1時間 %2分</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1時間</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1分 %2秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1分</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <source>running for %1</source>
        <translation>%1 経過 (実行中)</translation>
    </message>
</context>
<context>
    <name>TimeoutResolver</name>
    <message>
        <source>%1 of profile %2 must be a number of seconds of at least 0 (0: no limit), not &quot;%3&quot;.</source>
        <extracomment>%1 the key (connect_timeout, read_timeout), %2 the profile name, %3 the value.</extracomment>
        <translation>プロファイル %2 の %1 には 0 以上の秒数を指定してください (0: 無制限)。「%3」は無効です。</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>プロファイル %1</translation>
    </message>
</context>
<context>
    <name>TlsSettings</name>
    <message>
        <source>The CA bundle %1 (from %2) %3.</source>
        <extracomment>%1 the file, %2 where it was named (&quot;AWS_CA_BUNDLE&quot;, &quot;--ca-bundle&quot;, &quot;profile dev&quot;), %3 what is wrong with it (&quot;is empty&quot;, &quot;cannot be read (Permission denied)&quot;)</extracomment>
        <translation>CA バンドル %1 (%2 で指定) は%3。</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>存在しません</translation>
    </message>
    <message>
        <source>is a folder without a readable PEM certificate</source>
        <translation>読み取り可能な PEM 証明書のないフォルダーです</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(不明)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(空)</translation>
    </message>
    <message>
        <source>it could not be verified</source>
        <translation>検証できませんでした</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 (subject &quot;%2&quot;, issued by &quot;%3&quot;) is not trusted: %4.</source>
        <extracomment>%1 host, %2 subject (&quot;CN=..., O=...&quot;), %3 issuer, %4 what is wrong (from Qt)</extracomment>
        <translation>%1 の TLS 証明書 (サブジェクト「%2」、発行者「%3」) は信頼されていません: %4。</translation>
    </message>
    <message>
        <source>The CA bundle %1 (from %2) is the only trust used; if a company proxy or a private CA issues this certificate, add that CA&apos;s certificate to the bundle, or point AWS_CA_BUNDLE or --ca-bundle at one that has it.</source>
        <extracomment>%1 the CA bundle file, %2 where it was named</extracomment>
        <translation>信頼には CA バンドル %1 (%2 で指定) だけが使われます。会社のプロキシやプライベート CA がこの証明書を発行している場合は、その CA の証明書をバンドルに追加するか、AWS_CA_BUNDLE または --ca-bundle でそれを含むバンドルを指定してください。</translation>
    </message>
    <message>
        <source>If a company proxy or a private CA issues this certificate, set AWS_CA_BUNDLE (or --ca-bundle, or ca_bundle in the profile) to a PEM file with that CA&apos;s certificate.</source>
        <translation>会社のプロキシやプライベート CA がこの証明書を発行している場合は、AWS_CA_BUNDLE (または --ca-bundle、プロファイルの ca_bundle) にその CA の証明書を含む PEM ファイルを設定してください。</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>読み取れません (%1)</translation>
    </message>
    <message>
        <source>is larger than 64 MB, which no CA bundle is</source>
        <translation>64 MB を超えており、CA バンドルとしては大きすぎます</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>空です</translation>
    </message>
    <message>
        <source>holds no PEM certificate (-----BEGIN CERTIFICATE-----)</source>
        <translation>PEM 証明書 (-----BEGIN CERTIFICATE-----) を含んでいません</translation>
    </message>
    <message>
        <source>holds no certificate that can be read</source>
        <translation>読み取れる証明書を含んでいません</translation>
    </message>
    <message>
        <source>holds %1 certificates of which only %2 can be read</source>
        <translation>%1 個の証明書を含んでいますが、読み取れるのは %2 個だけです</translation>
    </message>
</context>
<context>
    <name>TransportCall</name>
    <message>
        <source>No AWS credentials are configured.</source>
        <translation>AWS の認証情報が設定されていません。</translation>
    </message>
    <message>
        <source>The request URL is not valid: %1</source>
        <translation>リクエスト URL が無効です: %1</translation>
    </message>
    <message>
        <source>Could not connect to %1 within %2 s.</source>
        <translation>%2 秒以内に %1 に接続できませんでした。</translation>
    </message>
    <message>
        <source>No data from %1 for %2 s.</source>
        <translation>%1 から %2 秒間データがありません。</translation>
    </message>
    <message>
        <source>The endpoint redirected the request (HTTP %1). Check the region and the endpoint URL.</source>
        <translation>エンドポイントがリクエストをリダイレクトしました (HTTP %1)。リージョンとエンドポイント URL を確認してください。</translation>
    </message>
    <message>
        <source>The answer had no HTTP status.</source>
        <translation>応答に HTTP ステータスがありませんでした。</translation>
    </message>
    <message>
        <source>The connection closed after %1 of the %2 bytes of the answer.</source>
        <translation>応答の %2 バイトのうち %1 バイトを受信した時点で接続が閉じられました。</translation>
    </message>
    <message>
        <source>The proxy %1 refused the user name and password. Check them in the proxy URL (HTTPS_PROXY / HTTP_PROXY, or the connection settings).</source>
        <extracomment>%1 the proxy&apos;s host:port</extracomment>
        <translation>プロキシ %1 がユーザー名とパスワードを拒否しました。プロキシ URL (HTTPS_PROXY / HTTP_PROXY、または接続の設定) で確認してください。</translation>
    </message>
    <message>
        <source>The proxy %1 asked for a user name and password. Put them into the proxy URL (http://user:password@host:port) of HTTPS_PROXY / HTTP_PROXY, or the connection settings.</source>
        <translation>プロキシ %1 がユーザー名とパスワードを要求しました。HTTPS_PROXY / HTTP_PROXY、または接続の設定のプロキシ URL (http://user:password@host:port) に指定してください。</translation>
    </message>
    <message>
        <source>Check the proxy (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, or the connection settings).</source>
        <translation>プロキシを確認してください (HTTPS_PROXY / HTTP_PROXY / NO_PROXY、または接続の設定)。</translation>
    </message>
    <message>
        <source>The proxy %1 does not allow connections to %2 (it answered &quot;%3&quot;).</source>
        <extracomment>%1 the proxy&apos;s host:port, %2 the AWS host, %3 the proxy&apos;s answer (&quot;HTTP/1.1 403 Forbidden&quot;)</extracomment>
        <translation>プロキシ %1 は %2 への接続を許可していません (応答:「%3」)。</translation>
    </message>
    <message>
        <source>The proxy %1 could not reach %2 (it answered &quot;%3&quot;).</source>
        <translation>プロキシ %1 は %2 に到達できませんでした (応答:「%3」)。</translation>
    </message>
    <message>
        <source>The proxy %1 refused the connection to %2 (it answered &quot;%3&quot;).</source>
        <translation>プロキシ %1 は %2 への接続を拒否しました (応答:「%3」)。</translation>
    </message>
    <message>
        <source>Could not connect through the proxy %1: %2.</source>
        <extracomment>%1 the proxy&apos;s host:port, %2 why (Qt&apos;s or the system&apos;s words, e.g. &quot;Connection refused&quot;)</extracomment>
        <translation>プロキシ %1 経由で接続できませんでした: %2。</translation>
    </message>
</context>
<context>
    <name>WebIdentityProvider</name>
    <message>
        <source>environment (AWS_WEB_IDENTITY_TOKEN_FILE)</source>
        <translation>環境変数 (AWS_WEB_IDENTITY_TOKEN_FILE)</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>プロファイル %1</translation>
    </message>
    <message>
        <source>web identity (role %1, %2)</source>
        <translation>ウェブ ID (ロール %1、%2)</translation>
    </message>
    <message>
        <source>The %1 sets a web identity token file but no role: set role_arn in the profile or AWS_ROLE_ARN.</source>
        <translation>%1: ウェブ ID トークンファイルが設定されていますが、ロールがありません。プロファイルの role_arn または AWS_ROLE_ARN を設定してください。</translation>
    </message>
    <message>
        <source>Could not read the web identity token file %1 (from the %2): %3</source>
        <translation>ウェブ ID トークンファイル %1 (指定元: %2) を読み取れませんでした: %3</translation>
    </message>
    <message>
        <source>The web identity token file %1 (from the %2) is empty.</source>
        <translation>ウェブ ID トークンファイル %1 (指定元: %2) は空です。</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Try the &amp;demo</source>
        <translation>デモを試す(&amp;D)</translation>
    </message>
    <message>
        <source>Set up a &amp;connection…</source>
        <translation>接続を設定(&amp;C)…</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>ようこそ</translation>
    </message>
    <message>
        <source>SessionScope logo</source>
        <translation>SessionScope のロゴ</translation>
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
        <translation>ようこそメッセージ</translation>
    </message>
    <message>
        <source>Browse the sessions of your Amazon WorkSpaces Secure Browser portals and the sharing settings of Amazon Q Apps sessions. Connect with an AWS profile, or look around on built-in demo data first.</source>
        <translation>Amazon WorkSpaces Secure Browser ポータルのセッションと、Amazon Q Apps セッションの共有設定を閲覧できます。AWS プロファイルで接続するか、まず内蔵のデモデータで試してみてください。</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>デモを試す</translation>
    </message>
    <message>
        <source>Set up a connection</source>
        <translation>接続を設定</translation>
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
        <translation>アカウント: %1
Arn: %2
ユーザー ID: %3
認証情報の取得元: %4
</translation>
    </message>
</context>
<context>
    <name>WorkSpacesWebClient</name>
    <message>
        <source>The page token is longer than 2048 characters.</source>
        <translation>ページトークンが 2048 文字を超えています。</translation>
    </message>
    <message>
        <source>The page token contains whitespace.</source>
        <translation>ページトークンに空白文字が含まれています。</translation>
    </message>
    <message>
        <source>The page size must be at least 1 (or 0 to let the service choose), not %1.</source>
        <translation>ページサイズは %1 ではなく、1 以上 (サービスに任せる場合は 0) にしてください。</translation>
    </message>
    <message>
        <source>The portal id &quot;%1&quot; is not valid: it must be 36 letters, digits or &apos;-&apos; (it has %2).</source>
        <translation>ポータル ID「%1」は無効です: 英字、数字、&apos;-&apos; の 36 文字である必要があります (現在 %2 文字)。</translation>
    </message>
    <message>
        <source>The session id &quot;%1&quot; is not valid: it must be 36 letters, digits or &apos;-&apos; (it has %2).</source>
        <translation>セッション ID「%1」は無効です: 英字、数字、&apos;-&apos; の 36 文字である必要があります (現在 %2 文字)。</translation>
    </message>
    <message>
        <source>GetPortal needs the portal&apos;s ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID), not only its id.</source>
        <translation>GetPortal には ID だけでなく、ポータルの ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID) が必要です。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a portal ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID).</source>
        <translation>「%1」はポータルの ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID) ではありません。</translation>
    </message>
    <message>
        <source>The user name is longer than 256 characters.</source>
        <translation>ユーザー名が 256 文字を超えています。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Run &quot;sessionscope-cli --help&quot; for usage.</source>
        <translation>使い方は「sessionscope-cli --help」で表示できます。</translation>
    </message>
    <message>
        <source>Browse Amazon WorkSpaces Secure Browser sessions.</source>
        <translation>Amazon WorkSpaces Secure Browser のセッションを閲覧します。</translation>
    </message>
    <message>
        <source>Start on the built-in demo data.</source>
        <translation>内蔵のデモデータで起動します。</translation>
    </message>
    <message>
        <source>Connect with this AWS profile.</source>
        <translation>この AWS プロファイルで接続します。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>Use this AWS region.</source>
        <translation>この AWS リージョンを使います。</translation>
    </message>
    <message>
        <source>region</source>
        <translation>region</translation>
    </message>
    <message>
        <source>Send requests to this endpoint.</source>
        <translation>このエンドポイントにリクエストを送信します。</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Use a dark palette (when the desktop&apos;s dark theme is not picked up).</source>
        <translation>ダークパレットを使います (デスクトップのダークテーマが反映されない場合)。</translation>
    </message>
    <message>
        <source>Show SessionScope in this language (%1) for this run.</source>
        <translation>今回の起動に限り、SessionScope をこの言語 (%1) で表示します。</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
</context>
</TS>
