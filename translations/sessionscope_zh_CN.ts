<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About SessionScope</source>
        <translation>关于 SessionScope</translation>
    </message>
    <message>
        <source>SessionScope icon</source>
        <translation>SessionScope 图标</translation>
    </message>
    <message>
        <source>SessionScope</source>
        <translation>SessionScope</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Browse the sessions of Amazon WorkSpaces Secure Browser portals and the sharing settings of Amazon Q Apps sessions.</source>
        <translation>浏览 Amazon WorkSpaces Secure Browser 门户的会话以及 Amazon Q Apps 会话的共享设置。</translation>
    </message>
    <message>
        <source>Qt version</source>
        <translation>Qt 版本</translation>
    </message>
    <message>
        <source>Running on Qt %1, built with Qt %2.</source>
        <translation>运行于 Qt %1，使用 Qt %2 构建。</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>&lt;p&gt;Licence: GPL-3.0-or-later. SessionScope is free software: you may use, study, share and change it under the terms of the &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License&lt;/a&gt;, version 3 or any later version. It comes with no warranty, to the extent permitted by law.&lt;/p&gt;</source>
        <translation>&lt;p&gt;许可证：GPL-3.0-or-later。SessionScope 是自由软件：您可以依据 &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License&lt;/a&gt; 第 3 版或任何更高版本的条款使用、研究、分享和修改它。在法律允许的范围内，本软件不提供任何担保。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
    <message>
        <source>Copy version details</source>
        <translation>复制版本详细信息</translation>
    </message>
    <message>
        <source>Copy the versions of SessionScope, Qt and the system, e.g. for a bug report</source>
        <translation>复制 SessionScope、Qt 和系统的版本，例如用于错误报告</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>SessionScope %1
Qt %2 (built with Qt %3)
%4, %5</source>
        <translation>SessionScope %1
Qt %2（使用 Qt %3 构建）
%4, %5</translation>
    </message>
</context>
<context>
    <name>ApiJson</name>
    <message>
        <source>a boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>空值</translation>
    </message>
    <message>
        <source>&quot;%1&quot; should be %2, but is %3.</source>
        <extracomment>%1 is a JSON field path such as sessions[0].startTime; %2 and %3 name kinds of value (&quot;a string&quot;, &quot;a number&quot;, ...), translated separately.</extracomment>
        <translation>“%1”应为%2，但实际是%3。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing.</source>
        <translation>缺少“%1”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is empty.</source>
        <translation>“%1”为空。</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>a whole number from 0 to 2147483647</source>
        <translation>0 到 2147483647 之间的整数</translation>
    </message>
    <message>
        <source>The answer is not a JSON object.</source>
        <translation>应答不是 JSON 对象。</translation>
    </message>
    <message>
        <source>The answer is not valid JSON (%1 at byte %2).</source>
        <translation>应答不是有效的 JSON（第 %2 字节处：%1）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a plausible time (%2 seconds since 1970).</source>
        <translation>“%1”不是合理的时间（自 1970 年起 %2 秒）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time: &quot;%2&quot;.</source>
        <translation>“%1”不是时间：“%2”。</translation>
    </message>
    <message>
        <source>a time (epoch seconds or ISO 8601)</source>
        <translation>时间（纪元秒数或 ISO 8601）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a plausible time: &quot;%2&quot;.</source>
        <translation>“%1”不是合理的时间：“%2”。</translation>
    </message>
</context>
<context>
    <name>AppIdResolver</name>
    <message>
        <source>profile %1</source>
        <translation>配置文件 %1</translation>
    </message>
    <message>
        <source>The application id (from %1) is longer than %2 characters; AWS may cut it short.</source>
        <extracomment>%1 where the id came from, %2 the maximum length.</extracomment>
        <translation>应用 ID（来自 %1）超过 %2 个字符；AWS 可能会将其截断。</translation>
    </message>
</context>
<context>
    <name>AppProfileCredentialsProvider</name>
    <message>
        <source>SessionScope&apos;s profile list is no longer available.</source>
        <translation>SessionScope 的配置文件列表已不可用。</translation>
    </message>
    <message>
        <source>There is no SessionScope profile named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的 SessionScope 配置文件。</translation>
    </message>
    <message>
        <source>profile %1 (system keychain)</source>
        <translation>配置文件 %1（系统密钥环）</translation>
    </message>
</context>
<context>
    <name>AppProfileDialog</name>
    <message>
        <source>SessionScope profile</source>
        <translation>SessionScope 配置文件</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>编辑配置文件</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>新建配置文件</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>配置文件名称</translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation>访问密钥 ID</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>秘密访问密钥</translation>
    </message>
    <message>
        <source>Session token</source>
        <translation>会话令牌</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Endpoint URL</source>
        <translation>终端节点 URL</translation>
    </message>
    <message>
        <source>Amazon Q Business instance ID</source>
        <translation>Amazon Q Business 实例 ID</translation>
    </message>
    <message>
        <source>e.g. eu-west-1 (empty: from the environment)</source>
        <translation>例如 eu-west-1（留空：取自环境）</translation>
    </message>
    <message>
        <source>empty: the regional AWS endpoints</source>
        <translation>留空：使用区域 AWS 终端节点</translation>
    </message>
    <message>
        <source>optional, for Q App sharing</source>
        <translation>可选，用于 Q App 共享</translation>
    </message>
    <message>
        <source>only for temporary credentials</source>
        <translation>仅用于临时凭证</translation>
    </message>
    <message>
        <source>unchanged (stored in the keychain)</source>
        <translation>未更改（已存储在密钥环中）</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>保存配置文件</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Access key ID:</source>
        <translation>访问密钥 ID(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Secret access key:</source>
        <translation>秘密访问密钥(&amp;S)：</translation>
    </message>
    <message>
        <source>Session &amp;token:</source>
        <translation>会话令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>区域(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Endpoint URL:</source>
        <translation>终端节点 URL(&amp;E)：</translation>
    </message>
    <message>
        <source>Q Business &amp;instance ID:</source>
        <translation>Q Business 实例 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>The secret access key and session token are kept in the system keychain, never in a file.</source>
        <translation>秘密访问密钥和会话令牌保存在系统密钥环中，绝不会写入文件。</translation>
    </message>
    <message>
        <source>Enter the secret access key.</source>
        <translation>请输入秘密访问密钥。</translation>
    </message>
    <message>
        <source>Saving to the keychain…</source>
        <translation>正在保存到密钥环…</translation>
    </message>
</context>
<context>
    <name>AppProfileStore</name>
    <message>
        <source>A profile name has 1 to 64 letters, digits and . _ - @ + (no spaces or slashes).</source>
        <translation>配置文件名称由 1 到 64 个字母、数字和 . _ - @ + 组成（不能有空格或斜杠）。</translation>
    </message>
    <message>
        <source>An access key id has 16 to 128 letters and digits, like AKIAIOSFODNN7EXAMPLE.</source>
        <translation>访问密钥 ID 由 16 到 128 个字母和数字组成，例如 AKIAIOSFODNN7EXAMPLE。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an AWS region name such as us-east-1.</source>
        <translation>“%1”不是 us-east-1 这样的 AWS 区域名称。</translation>
    </message>
    <message>
        <source>the profile</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <source>A Q Apps instance id has letters, digits and dashes only.</source>
        <translation>Q Apps 实例 ID 只能包含字母、数字和短划线。</translation>
    </message>
    <message>
        <source>The secret access key is empty or contains spaces.</source>
        <translation>秘密访问密钥为空或包含空格。</translation>
    </message>
    <message>
        <source>The session token contains spaces.</source>
        <translation>会话令牌包含空格。</translation>
    </message>
    <message>
        <source>the profile settings could not be saved to %1.</source>
        <translation>无法将配置文件设置保存到 %1。</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>配置文件 %1</translation>
    </message>
    <message>
        <source>The profile store was closed.</source>
        <translation>配置文件存储已关闭。</translation>
    </message>
    <message>
        <source>There is no SessionScope profile named &quot;%1&quot; to update.</source>
        <translation>没有可更新的名为“%1”的 SessionScope 配置文件。</translation>
    </message>
    <message>
        <source>The keychain entry of %1 is not one SessionScope wrote. Enter the secret access key again in the profile&apos;s settings.</source>
        <translation>%1 的密钥环条目不是 SessionScope 写入的。请在配置文件设置中重新输入秘密访问密钥。</translation>
    </message>
</context>
<context>
    <name>AssumeRoleProvider</name>
    <message>
        <source>profile %1 (role %2)</source>
        <translation>配置文件 %1（角色 %2）</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; needs an MFA code for %2, and nobody can be asked for one here. Run it where a code can be typed, or use credentials without mfa_serial.</source>
        <translation>配置文件“%1”需要 %2 的 MFA 代码，但此处无法请人输入。请在可以输入代码的地方运行，或使用不含 mfa_serial 的凭证。</translation>
    </message>
    <message>
        <source>No MFA code was entered: the profile &quot;%1&quot; is not signed in.</source>
        <translation>未输入 MFA 代码：配置文件“%1”未登录。</translation>
    </message>
</context>
<context>
    <name>AwsCliCacheFile</name>
    <message>
        <source>The IAM Identity Center cache file %1 cannot be read: %2.</source>
        <translation>无法读取 IAM Identity Center 缓存文件 %1：%2。</translation>
    </message>
    <message>
        <source>The IAM Identity Center cache file %1 is not a JSON object. Sign in again to replace it.</source>
        <translation>IAM Identity Center 缓存文件 %1 不是 JSON 对象。请重新登录以替换它。</translation>
    </message>
    <message>
        <source>Cannot write the IAM Identity Center cache file %1: %2.</source>
        <translation>无法写入 IAM Identity Center 缓存文件 %1：%2。</translation>
    </message>
    <message>
        <source>the folder %1 cannot be created</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
</context>
<context>
    <name>AwsError</name>
    <message>
        <source>The service answered with HTTP status %1.</source>
        <translation>服务返回了 HTTP 状态 %1。</translation>
    </message>
    <message>
        <source>Could not reach AWS: %1. Check the network connection and the endpoint.</source>
        <translation>无法访问 AWS：%1。请检查网络连接和终端节点。</translation>
    </message>
    <message>
        <source>AWS did not answer in time. Check the network connection, then retry.</source>
        <translation>AWS 未及时应答。请检查网络连接，然后重试。</translation>
    </message>
    <message>
        <source>AWS is limiting requests. Wait a moment, then retry.</source>
        <translation>AWS 正在限制请求。请稍候再重试。</translation>
    </message>
    <message>
        <source>Access denied: your credentials are not allowed to call %1. Ask your administrator for this IAM permission.</source>
        <translation>访问被拒绝：您的凭证无权调用 %1。请向管理员申请此 IAM 权限。</translation>
    </message>
    <message>
        <source>Access denied: %1</source>
        <translation>访问被拒绝：%1</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>未找到：%1</translation>
    </message>
    <message>
        <source>The request was not valid: %1</source>
        <translation>请求无效：%1</translation>
    </message>
    <message>
        <source>Your AWS credentials have expired. Refresh them (for example with &quot;aws sso login&quot;), then retry.</source>
        <translation>您的 AWS 凭证已过期。请刷新凭证（例如使用“aws sso login”）后重试。</translation>
    </message>
    <message>
        <source>AWS rejected the request time. Check that this computer&apos;s clock is correct.</source>
        <translation>AWS 拒绝了请求的时间。请检查这台计算机的时钟是否正确。</translation>
    </message>
    <message>
        <source>AWS does not recognise these credentials (access key id). Check the profile, or whether the region is right.</source>
        <translation>AWS 无法识别这些凭证（访问密钥 ID）。请检查配置文件，或区域是否正确。</translation>
    </message>
    <message>
        <source>There is a problem with the AWS credentials: %1</source>
        <translation>AWS 凭证有问题：%1</translation>
    </message>
    <message>
        <source>AWS had an internal problem (%1). Retry in a moment.</source>
        <translation>AWS 出现内部问题（%1）。请稍后重试。</translation>
    </message>
    <message>
        <source>AWS sent an answer SessionScope could not read: %1</source>
        <translation>AWS 发送了 SessionScope 无法读取的应答：%1</translation>
    </message>
    <message>
        <source>The request conflicts with the current state: %1</source>
        <translation>请求与当前状态冲突：%1</translation>
    </message>
    <message>
        <source>Configuration problem: %1</source>
        <translation>配置问题：%1</translation>
    </message>
    <message>
        <source>Could not write the file: %1</source>
        <translation>无法写入文件：%1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>request id %1</source>
        <translation>请求 ID %1</translation>
    </message>
    <message>
        <source>AWS is limiting requests (it asked to wait %1 s). Wait a moment, then retry.</source>
        <translation>AWS 正在限制请求（要求等待 %1 秒）。请稍候再重试。</translation>
    </message>
    <message>
        <source>The request is too large for AWS to accept: %1</source>
        <translation>请求过大，AWS 无法接受：%1</translation>
    </message>
    <message>
        <source>The resource has as many tags as AWS allows (%1). Remove a tag first.</source>
        <translation>该资源的标签数已达到 AWS 允许的上限（%1）。请先删除一个标签。</translation>
    </message>
    <message>
        <source>An AWS service quota of the account has been reached (%1). Free some room, or ask for a higher quota in the Service Quotas console.</source>
        <translation>已达到该账户的一项 AWS 服务配额（%1）。请释放一些余量，或在 Service Quotas 控制台中申请提高配额。</translation>
    </message>
</context>
<context>
    <name>AwsTransport</name>
    <message>
        <source>The endpoint &quot;%1&quot; is not an http(s) URL with a host.</source>
        <translation>终端节点“%1”不是带主机的 http(s) URL。</translation>
    </message>
    <message>
        <source>No AWS region is set.</source>
        <translation>未设置 AWS 区域。</translation>
    </message>
    <message>
        <source>No network access manager.</source>
        <translation>没有网络访问管理器。</translation>
    </message>
</context>
<context>
    <name>CliArguments</name>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>意外的参数“%1”</translation>
    </message>
    <message>
        <source>unknown option --%1 (options of a command come after the command)</source>
        <translation>未知选项 --%1（命令的选项应放在命令之后）</translation>
    </message>
    <message>
        <source>unknown option --%1 for &quot;%2&quot;</source>
        <translation>“%2”的未知选项 --%1</translation>
    </message>
    <message>
        <source>option --%1 takes no value</source>
        <translation>选项 --%1 不接受值</translation>
    </message>
    <message>
        <source>option --%1 needs a value</source>
        <translation>选项 --%1 需要一个值</translation>
    </message>
    <message>
        <source>option --%1 given twice</source>
        <translation>选项 --%1 指定了两次</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs --%2</source>
        <translation>“%1”需要 --%2</translation>
    </message>
    <message>
        <source>--format must be one of: %1</source>
        <translation>--format 必须是以下之一：%1</translation>
    </message>
    <message>
        <source>--status must be active or terminated</source>
        <translation>--status 必须是 active 或 terminated</translation>
    </message>
    <message>
        <source>--sort must be newest or oldest</source>
        <translation>--sort 必须是 newest 或 oldest</translation>
    </message>
    <message>
        <source>--page-size must be a whole number of at least 1</source>
        <translation>--page-size 必须是不小于 1 的整数</translation>
    </message>
    <message>
        <source>--max-items must be a whole number of at least 1</source>
        <translation>--max-items 必须是不小于 1 的整数</translation>
    </message>
    <message>
        <source>--columns has an empty column name</source>
        <translation>--columns 中有空的列名</translation>
    </message>
    <message>
        <source>sessionscope-cli sharing --instance-id ID --session-id ID [--format table|json]
  Shows the Amazon Q Apps sharing configuration of a session.
</source>
        <translation>sessionscope-cli sharing --instance-id ID --session-id ID [--format table|json]
  显示会话的 Amazon Q Apps 共享配置。
</translation>
    </message>
    <message>
        <source>--portal &quot;%1&quot; is not a portal ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID)</source>
        <translation>--portal &quot;%1&quot; 不是门户 ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID)</translation>
    </message>
    <message>
        <source>  --portal takes a portal id or its ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID). With an
  ARN and no region set (--region, AWS_REGION, AWS_DEFAULT_REGION, the profile), the ARN&apos;s region is
  used; a region set elsewhere that differs from the ARN&apos;s is an error (exit status 3).
</source>
        <translation>  --portal 接受门户 ID 或其 ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID)。使用 ARN 且
  未设置区域 (--region、AWS_REGION、AWS_DEFAULT_REGION、配置文件) 时，使用 ARN 中的区域；
  在别处设置的区域与 ARN 的区域不同则报错 (退出状态 3)。
</translation>
    </message>
    <message>
        <source>sessionscope-cli portals [--format table|json|csv|jsonl] [--spreadsheet-safe]
  Lists every web portal of the account and region (all pages).
</source>
        <translation>sessionscope-cli portals [--format table|json|csv|jsonl] [--spreadsheet-safe]
  列出账户和区域中的所有 Web 门户（全部页面）。
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
        <translation>sessionscope-cli sessions --portal ID|ARN [选项]
  逐页列出门户的会话，并将每一页流式输出到 stdout 或 --output。
  --status active|terminated   仅限此状态的会话
  --username NAME              仅限此用户（精确匹配）
  --session-id ID              仅限此会话
  --sort newest|oldest         按开始时间排序（默认 newest）
  --page-size N                每次请求的会话数（默认：由服务决定）
  --max-items N                N 个会话后停止
  --format table|csv|json|jsonl   （在终端上默认 table，否则默认 jsonl）
  --output FILE                写入 FILE 而不是 stdout（要么完整写入，要么完全不写）
  --columns a,b,...            导出的列（API 名称，见下文）
  --spreadsheet-safe           为以 = + - @ 制表符 CR 开头的单元格加上前缀 &apos;（CSV）
  --bom                        CSV 以 UTF-8 字节顺序标记开头
  --local-time                 时间使用带偏移量的本地时间，而不是 UTC
  --instance-id ID             用于 Q App 共享列的 Amazon Q Business 实例

列（默认：sessionId,username,status,startTime,endTime,portalArn）：
  %1
  clientIpAddresses 需要对每个会话调用一次 GetSession；qApp* 列需要对每个会话
  调用一次 GetQAppSessionMetadata（并需要 --instance-id）。
</translation>
    </message>
    <message>
        <source>sessionscope-cli session --portal ID|ARN --session-id ID [--format table|json]
  Shows one session with its client IP addresses.
</source>
        <translation>sessionscope-cli session --portal ID|ARN --session-id ID [--format table|json]
  显示一个会话及其客户端 IP 地址。
</translation>
    </message>
    <message>
        <source>sessionscope-cli expire --portal ID|ARN --session-id ID [--yes]
  Ends (expires) an active session. Asks for confirmation on a terminal unless --yes.
</source>
        <translation>sessionscope-cli expire --portal ID|ARN --session-id ID [--yes]
  终止（使过期）一个活动会话。除非使用 --yes，否则会在终端中请求确认。
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
  显示凭证属于谁（STS GetCallerIdentity）：账户、ARN、用户 ID 以及
  凭证的来源。JSON：{&quot;Account&quot;, &quot;Arn&quot;, &quot;UserId&quot;, &quot;CredentialSource&quot;}。
  带有 mfa_serial 的配置文件会在终端中询问代码（&quot;Enter MFA code for ...: &quot;）；没有
  终端时立即失败（退出状态 4）。
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
  不借助 AWS CLI 登录 IAM Identity Center 配置文件（sso_session 或 sso_start_url）：在 stderr 上
  显示一个 URL 和一个代码，等待您在浏览器中（任意设备上）允许访问，然后将登录信息存入
  AWS CLI 的缓存（~/.aws/sso/cache），因此 `aws` 也可共用。显示登录的有效期限。
  Ctrl-C 取消（退出状态 13）。
</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot; (expected portals, sessions, session, sharing, expire, whoami, login or config)</source>
        <translation>未知命令“%1”（应为 portals、sessions、session、sharing、expire、whoami、login 或 config）</translation>
    </message>
    <message>
        <source>--%1 must be a number of seconds of at least 0 (0: no limit)</source>
        <translation>--%1 必须是不小于 0 的秒数（0：不限制）</translation>
    </message>
    <message>
        <source>no command given (expected portals, sessions, session, sharing, expire, whoami, login or config)</source>
        <translation>未指定命令（应为 portals、sessions、session、sharing、expire、whoami、login 或 config）</translation>
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
        <translation>全局选项（可放在命令之前或之后）：
  --profile P         AWS 配置文件（共享文件中的或在 SessionScope 中创建的）；默认：AWS_PROFILE，
                      否则使用环境中的凭证，再否则使用“default”
  --region R          AWS 区域；默认：AWS_REGION、AWS_DEFAULT_REGION、配置文件中的区域
  --endpoint-url URL  所有服务都使用此终端节点（http:// 仅限环回地址）
  --ca-bundle FILE    仅信任此 PEM 文件中的证书颁发机构（用于检查 TLS 的代理
                      或私有 CA）；默认：AWS_CA_BUNDLE、配置文件中的 ca_bundle
  --cli-connect-timeout S  等待建立连接的秒数（0：不限制）；默认：配置文件中的
                      connect_timeout，否则为 10
  --cli-read-timeout S  没有数据时等待的秒数（0：不限制）；默认：配置文件中的
                      read_timeout，否则为 60
  --debug             将请求记录到 stderr（绝不记录密钥）
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
        <translation>退出状态：
  0 成功               2 用法错误            3 配置（配置文件、区域、终端节点）
  4 凭证               5 访问被拒绝          6 未找到
  7 无效请求           8 被限流              9 网络或超时
  10 服务错误          11 无法读取的应答     12 本地文件错误
  13 已取消            14 超出配额           1 其他错误
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
  显示其他命令将使用的每项设置及其来源，类似于
  `aws configure list`，但不调用 AWS：配置文件、凭证（访问密钥 ID 只显示最后四个
  字符）、区域、每个服务的终端节点、FIPS 和双栈、代理、CA 证书包、
  超时、重试模式、尝试次数和应用 ID。JSON：一个对象，包含键 profile、credentialSource、
  region、regionSource、endpoints、proxy、caBundle、connectTimeout、readTimeout、retryMode、
  maxAttempts（以及更多；请参阅手册页）。
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
        <translation>用法：sessionscope-cli [全局选项] COMMAND [选项]

浏览 Amazon WorkSpaces Secure Browser 会话及其 Amazon Q Apps 共享设置。

命令：
  portals    列出 Web 门户
  sessions   列出或导出门户的会话
  session    显示单个会话
  sharing    显示会话的 Q App 共享配置
  expire     终止活动会话
  whoami     显示凭证属于谁
  login      登录 IAM Identity Center
  config     显示每项设置及其来源

运行“sessionscope-cli COMMAND --help”查看命令的选项。

</translation>
    </message>
</context>
<context>
    <name>CliConnection</name>
    <message>
        <source>the portal ARN is in region %1, but the region is %2 (from %3); set the same region or none, and the ARN&apos;s region is used</source>
        <extracomment>%1 the region in the portal ARN, %2 the region set elsewhere, %3 where it was set (&quot;--region&quot;, &quot;AWS_REGION&quot;, &quot;profile dev&quot;).</extracomment>
        <translation>门户 ARN 位于区域 %1，但当前区域为 %2 (来自 %3)；请设置相同的区域或不设置区域，此时将使用 ARN 中的区域</translation>
    </message>
</context>
<context>
    <name>ClientAddressesSection</name>
    <message>
        <source>Client IP addresses</source>
        <translation>客户端 IP 地址</translation>
    </message>
    <message>
        <source>No session selected.</source>
        <translation>未选择会话。</translation>
    </message>
    <message>
        <source>Loading the session&apos;s details…</source>
        <translation>正在加载会话详细信息…</translation>
    </message>
    <message>
        <source>The service reported no client IP address for this session.</source>
        <translation>服务未报告此会话的客户端 IP 地址。</translation>
    </message>
    <message>
        <source>The service no longer knows this session (terminated sessions are kept for about 35 days).</source>
        <translation>服务中已没有此会话（已终止的会话保留约 35 天）。</translation>
    </message>
</context>
<context>
    <name>Command</name>
    <message>
        <source>standard output</source>
        <translation>标准输出</translation>
    </message>
    <message>
        <source>profile: %1; region: %2 (%3); WorkSpaces Web endpoint: %4 (%5); attempts: %6</source>
        <translation>配置文件：%1；区域：%2（%3）；WorkSpaces Web 终端节点：%4（%5）；尝试次数：%6</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 failed (%2); retrying in %3 s (attempt %4)</source>
        <translation>%1 失败（%2）；%3 秒后重试（第 %4 次尝试）</translation>
    </message>
    <message>
        <source>Interrupted.</source>
        <translation>已中断。</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message numerus="yes">
        <source>CA bundle: %1 (%2), %n certificate(s)</source>
        <extracomment>%1 the file, %2 where it was named (&quot;--ca-bundle&quot;, &quot;AWS_CA_BUNDLE&quot;, &quot;profile dev&quot;)</extracomment>
        <translation>
            <numerusform>CA 证书包：%1（%2），%n 个证书</numerusform>
        </translation>
    </message>
    <message>
        <source>CA bundle: none (the system&apos;s certificate authorities)</source>
        <translation>CA 证书包：无（使用系统的证书颁发机构）</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限制</translation>
    </message>
    <message>
        <source>retry mode: %1 (%2); connect timeout: %3 (%4); read timeout: %5 (%6)</source>
        <extracomment>%1 legacy/standard/adaptive, %3 and %5 seconds or &quot;no limit&quot;, the others where each came from</extracomment>
        <translation>重试模式：%1（%2）；连接超时：%3（%4）；读取超时：%5（%6）</translation>
    </message>
    <message>
        <source>proxy: %1 (no proxy variable in the environment)</source>
        <extracomment>%1 the proxy URL(s) without password and the NO_PROXY entries, %2 where they were set (&quot;HTTPS_PROXY, NO_PROXY&quot;, &quot;connection settings&quot;)</extracomment>
        <translation>代理：%1（环境中没有代理变量）</translation>
    </message>
    <message>
        <source>proxy: %1 (%2)</source>
        <translation>代理：%1（%2）</translation>
    </message>
</context>
<context>
    <name>CommandLineSplitter</name>
    <message>
        <source>The command line ends with a lone backslash.</source>
        <translation>命令行以单独的反斜杠结尾。</translation>
    </message>
    <message>
        <source>The command line has a single quote (&apos;) that is never closed.</source>
        <translation>命令行中有未闭合的单引号 (&apos;)。</translation>
    </message>
    <message>
        <source>The command line has a double quote (&quot;) that is never closed.</source>
        <translation>命令行中有未闭合的双引号 (&quot;)。</translation>
    </message>
    <message>
        <source>The command line is empty.</source>
        <translation>命令行为空。</translation>
    </message>
</context>
<context>
    <name>ConfigCommand</name>
    <message>
        <source>access keys</source>
        <translation>访问密钥</translation>
    </message>
    <message>
        <source>assume role</source>
        <translation>代入角色</translation>
    </message>
    <message>
        <source>assume role with MFA</source>
        <translation>使用 MFA 代入角色</translation>
    </message>
    <message>
        <source>IAM Identity Center</source>
        <translation>IAM Identity Center</translation>
    </message>
    <message>
        <source>web identity</source>
        <translation>Web 身份</translation>
    </message>
    <message>
        <source>no credentials</source>
        <translation>无凭证</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 where the credentials come from, %2 their kind (&quot;IAM Identity Center&quot;, &quot;assume role&quot;)</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>none: %1</source>
        <extracomment>%1 why no credentials can be found</extracomment>
        <translation>无：%1</translation>
    </message>
    <message>
        <source>credentials</source>
        <translation>凭证</translation>
    </message>
    <message>
        <source>(not shown)</source>
        <translation>（不显示）</translation>
    </message>
    <message>
        <source>region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source> (the profile does not use IAM Identity Center)</source>
        <translation>（该配置文件未使用 IAM Identity Center）</translation>
    </message>
    <message>
        <source>endpoint %1</source>
        <translation>终端节点 %1</translation>
    </message>
    <message>
        <source>(error)</source>
        <translation>（错误）</translation>
    </message>
    <message>
        <source>FIPS endpoints</source>
        <translation>FIPS 终端节点</translation>
    </message>
    <message>
        <source>dual-stack endpoints</source>
        <translation>双栈终端节点</translation>
    </message>
    <message>
        <source>proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA 证书包</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n certificate(s))</source>
        <translation>
            <numerusform>%1（%n 个证书）</numerusform>
        </translation>
    </message>
    <message>
        <source>the system&apos;s certificate authorities</source>
        <translation>系统的证书颁发机构</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限制</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>connect timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <source>read timeout</source>
        <translation>读取超时</translation>
    </message>
    <message>
        <source>retry mode</source>
        <translation>重试模式</translation>
    </message>
    <message>
        <source>max attempts</source>
        <translation>最大尝试次数</translation>
    </message>
    <message>
        <source>app id</source>
        <translation>应用 ID</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <source>Problem reading the AWS files</source>
        <translation>读取 AWS 文件时出现问题</translation>
    </message>
    <message>
        <source>New SessionScope profile</source>
        <translation>新建 SessionScope 配置文件</translation>
    </message>
    <message>
        <source>Edit SessionScope profile</source>
        <translation>编辑 SessionScope 配置文件</translation>
    </message>
    <message>
        <source>Delete SessionScope profile</source>
        <translation>删除 SessionScope 配置文件</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>From the profile or environment</source>
        <translation>取自配置文件或环境</translation>
    </message>
    <message>
        <source>Endpoint override</source>
        <translation>覆盖终端节点</translation>
    </message>
    <message>
        <source>empty: the profile&apos;s or the regional AWS endpoints</source>
        <translation>留空：使用配置文件中的或区域 AWS 终端节点</translation>
    </message>
    <message>
        <source>Amazon Q Business instance ID</source>
        <translation>Amazon Q Business 实例 ID</translation>
    </message>
    <message>
        <source>optional: the profile&apos;s, if it has one</source>
        <translation>可选：如果配置文件中有，则使用它</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>测试结果</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>区域(&amp;R)：</translation>
    </message>
    <message>
        <source>End&amp;point URL:</source>
        <translation>终端节点 URL(&amp;P)：</translation>
    </message>
    <message>
        <source>Q Business &amp;instance ID:</source>
        <translation>Q Business 实例 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Profiles (from ~/.aws and SessionScope&apos;s own):</source>
        <translation>配置文件(&amp;R)（来自 ~/.aws 及 SessionScope 自有）：</translation>
    </message>
    <message>
        <source>%1 — SessionScope profile (keychain)</source>
        <translation>%1 — SessionScope 配置文件（密钥环）</translation>
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
        <translation>删除配置文件</translation>
    </message>
    <message>
        <source>Delete the SessionScope profile “%1” and its secret in the keychain?</source>
        <translation>要删除 SessionScope 配置文件“%1”及其在密钥环中的密钥吗？</translation>
    </message>
    <message>
        <source>Asking %1 for its portals…</source>
        <translation>正在向 %1 查询门户…</translation>
    </message>
    <message numerus="yes">
        <source>%n portal(s)</source>
        <translation>
            <numerusform>%n 个门户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %n portal(s)</source>
        <translation>
            <numerusform>至少 %n 个门户</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected: profile %1 can list portals in %2 (%3 found).</source>
        <translation>已连接：配置文件 %1 可以列出 %2 中的门户（找到 %3）。</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>未连接：%1</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>登录(&amp;S)…</translation>
    </message>
    <message>
        <source>Sign in to IAM Identity Center</source>
        <translation>登录 IAM Identity Center</translation>
    </message>
    <message>
        <source>Sign in to IAM Identity Center with this profile, in the browser</source>
        <translation>使用此配置文件在浏览器中登录 IAM Identity Center</translation>
    </message>
    <message>
        <source>A SessionScope profile; its secret is in the system keychain.</source>
        <translation>SessionScope 配置文件；其密钥保存在系统密钥链中。</translation>
    </message>
    <message>
        <source>Defined in %1</source>
        <translation>定义于 %1</translation>
    </message>
    <message>
        <source>access keys</source>
        <translation>访问密钥</translation>
    </message>
    <message>
        <source>credential process</source>
        <translation>凭证进程</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>role + MFA</source>
        <translation>角色 + MFA</translation>
    </message>
    <message>
        <source>IAM Identity Center</source>
        <translation>IAM Identity Center</translation>
    </message>
    <message>
        <source>web identity</source>
        <translation>Web 身份</translation>
    </message>
    <message>
        <source>no credentials</source>
        <translation>无凭证</translation>
    </message>
    <message>
        <source>signed in until %1</source>
        <extracomment>%1 a time of day (&quot;19:40&quot;), or a date and time when it is not today</extracomment>
        <translation>已登录，有效期至 %1</translation>
    </message>
    <message>
        <source>sign-in renews itself</source>
        <translation>登录会自动续期</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>未登录：%1</translation>
    </message>
</context>
<context>
    <name>ConnectionManager</name>
    <message>
        <source>No AWS credentials were found (no environment keys, no profile in ~/.aws, no SessionScope profile). Try the demo, or set up a connection.</source>
        <translation>未找到 AWS 凭证（环境中没有密钥，~/.aws 中没有配置文件，也没有 SessionScope 配置文件）。请试用演示，或设置连接。</translation>
    </message>
    <message>
        <source>The demo could not start: %1</source>
        <translation>演示无法启动：%1</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <source>Could not sign in: %1</source>
        <translation>无法登录：%1</translation>
    </message>
</context>
<context>
    <name>ConnectionResolver</name>
    <message>
        <source>SessionScope&apos;s profiles (system keychain)</source>
        <translation>SessionScope 的配置文件（系统密钥环）</translation>
    </message>
    <message>
        <source> or among SessionScope&apos;s own profiles</source>
        <extracomment>Appended to &quot;was not found in %2&quot; (the files searched), right after the file names.</extracomment>
        <translation>或 SessionScope 自有的配置文件</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; was not found in %2%3.</source>
        <translation>在 %2%3 中未找到配置文件“%1”。</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; named by AWS_PROFILE was not found in %2%3.</source>
        <translation>在 %2%3 中未找到 AWS_PROFILE 指定的配置文件“%1”。</translation>
    </message>
    <message>
        <source>connection settings</source>
        <translation>连接设置</translation>
    </message>
</context>
<context>
    <name>ConnectionSummaryLabel</name>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
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
        <translation>配置文件：%1
区域：%2
请求发送至：%3
凭证：%4
Amazon Q Business 实例：%5</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Account: %1
Identity: %2
User ID: %3</source>
        <translation>账户：%1
身份：%2
用户 ID：%3</translation>
    </message>
    <message>
        <source>Identity: not known (%1)</source>
        <translation>身份：未知（%1）</translation>
    </message>
</context>
<context>
    <name>ContainerCredentialsProvider</name>
    <message>
        <source>AWS_CONTAINER_CREDENTIALS_FULL_URI must be https, or http to a loopback address, 169.254.170.2, 169.254.170.23, fd00:ec2::23 or localhost; it is %1.</source>
        <translation>AWS_CONTAINER_CREDENTIALS_FULL_URI 必须是 https，或指向环回地址、169.254.170.2、169.254.170.23、fd00:ec2::23 或 localhost 的 http；当前为 %1。</translation>
    </message>
    <message>
        <source>container credentials</source>
        <translation>容器凭证</translation>
    </message>
    <message>
        <source>Could not read the container authorization token file %1 (AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE): %2</source>
        <translation>无法读取容器授权令牌文件 %1（AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE）：%2</translation>
    </message>
    <message>
        <source>The container authorization token is not a valid header value (it has a line break).</source>
        <translation>容器授权令牌不是有效的标头值（其中含有换行符）。</translation>
    </message>
    <message>
        <source>it did not answer in time</source>
        <translation>未及时响应</translation>
    </message>
    <message>
        <source>it answered HTTP %1</source>
        <translation>响应了 HTTP %1</translation>
    </message>
    <message>
        <source>No credentials from the container credentials endpoint %1: %2</source>
        <translation>未能从容器凭证终端节点 %1 获取凭证：%2</translation>
    </message>
    <message>
        <source>The container credentials endpoint %1 answered without complete credentials.</source>
        <translation>容器凭证终端节点 %1 的响应中没有完整的凭证。</translation>
    </message>
</context>
<context>
    <name>CopyableValue</name>
    <message>
        <source>%1 indicator</source>
        <translation>%1 指示器</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>复制%1</translation>
    </message>
</context>
<context>
    <name>CredentialProcessProvider</name>
    <message>
        <source>credential_process of profile %1</source>
        <translation>配置文件 %1 的 credential_process</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; failed: %2</source>
        <translation>配置文件“%1”的 credential_process 失败：%2</translation>
    </message>
    <message>
        <source>the program &quot;%1&quot; was not found in PATH.</source>
        <translation>在 PATH 中未找到程序“%1”。</translation>
    </message>
    <message>
        <source>could not start &quot;%1&quot;: the program was not found or is not executable.</source>
        <translation>无法启动“%1”：找不到该程序或该程序不可执行。</translation>
    </message>
    <message>
        <source> It said: %1</source>
        <translation>输出：%1</translation>
    </message>
    <message>
        <source>it did not finish within %1 s and was stopped.</source>
        <translation>它未在 %1 秒内完成，已被停止。</translation>
    </message>
    <message>
        <source>it printed more than %1 KiB, which is not a credentials answer.</source>
        <translation>它输出了超过 %1 KiB 的内容，这不是凭证应答。</translation>
    </message>
    <message>
        <source>it was ended by a signal before it finished.</source>
        <translation>它在完成前被信号终止。</translation>
    </message>
    <message>
        <source>it exited with code %1.</source>
        <translation>它以代码 %1 退出。</translation>
    </message>
    <message>
        <source>its output is not a JSON object like {&quot;Version&quot;: 1, &quot;AccessKeyId&quot;: ..., &quot;SecretAccessKey&quot;: ...}.</source>
        <translation>它的输出不是 {&quot;Version&quot;: 1, &quot;AccessKeyId&quot;: ..., &quot;SecretAccessKey&quot;: ...} 这样的 JSON 对象。</translation>
    </message>
    <message>
        <source>its output has no &quot;Version&quot;; SessionScope understands Version 1.</source>
        <translation>它的输出没有“Version”；SessionScope 支持 Version 1。</translation>
    </message>
    <message>
        <source>its output has an unsupported &quot;Version&quot;; SessionScope understands Version 1.</source>
        <translation>它的输出中的“Version”不受支持；SessionScope 支持 Version 1。</translation>
    </message>
    <message>
        <source>its output has no &quot;AccessKeyId&quot; string.</source>
        <translation>它的输出中没有“AccessKeyId”字符串。</translation>
    </message>
    <message>
        <source>its output has no &quot;SecretAccessKey&quot; string.</source>
        <translation>它的输出中没有“SecretAccessKey”字符串。</translation>
    </message>
    <message>
        <source>its &quot;Expiration&quot; is not an ISO 8601 date-time such as 2030-01-31T12:00:00Z.</source>
        <translation>它的“Expiration”不是 2030-01-31T12:00:00Z 这样的 ISO 8601 日期时间。</translation>
    </message>
    <message>
        <source>it returned credentials that expired at %1.</source>
        <translation>它返回的凭证已于 %1 过期。</translation>
    </message>
</context>
<context>
    <name>CredentialsProviderChain</name>
    <message>
        <source>The profile &quot;%1&quot; was not found in %2%3.</source>
        <translation>在 %2%3 中未找到配置文件“%1”。</translation>
    </message>
    <message>
        <source> or among SessionScope&apos;s own profiles</source>
        <translation>或 SessionScope 自有的配置文件</translation>
    </message>
    <message>
        <source>No AWS credentials found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, add a [default] profile to %1 (for example with &quot;aws configure&quot;), or choose a profile with --profile.</source>
        <translation>未找到 AWS 凭证。请设置 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY，或在 %1 中添加 [default] 配置文件（例如使用“aws configure”），或用 --profile 选择配置文件。</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>配置文件 %1</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; named by %2 was not found in %3.</source>
        <translation>在 %3 中未找到 %2 指定的配置文件“%1”。</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>environment, then profile %1, then container and instance metadata</source>
        <translation>环境变量，然后是配置文件 %1，然后是容器和实例元数据</translation>
    </message>
</context>
<context>
    <name>DemoConnection</name>
    <message>
        <source>built-in emulator at %1</source>
        <translation>位于 %1 的内置模拟器</translation>
    </message>
    <message>
        <source>the emulator&apos;s throw-away demo keys</source>
        <translation>模拟器的一次性演示密钥</translation>
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
        <translation>（已隐藏）</translation>
    </message>
    <message>
        <source>The endpoint URL %1 (from %2) %3</source>
        <translation>终端节点 URL %1（来自%2）%3</translation>
    </message>
    <message>
        <source>is not a valid URL such as https://example.com.</source>
        <translation>不是 https://example.com 这样的有效 URL。</translation>
    </message>
    <message>
        <source>must start with https://.</source>
        <translation>必须以 https:// 开头。</translation>
    </message>
    <message>
        <source>has no host name.</source>
        <translation>没有主机名。</translation>
    </message>
    <message>
        <source>must not contain a user name or password.</source>
        <translation>不能包含用户名或密码。</translation>
    </message>
    <message>
        <source>must not have a query (?...).</source>
        <translation>不能包含查询 (?...)。</translation>
    </message>
    <message>
        <source>must not have a fragment (#...).</source>
        <translation>不能包含片段 (#...)。</translation>
    </message>
    <message>
        <source>must not have a path; give only scheme, host and port.</source>
        <translation>不能包含路径；只需提供协议、主机和端口。</translation>
    </message>
    <message>
        <source>uses plain http://, which is allowed only for this computer (localhost, 127.0.0.1, ::1). Use https://.</source>
        <translation>使用了未加密的 http://，这只允许用于本机（localhost、127.0.0.1、::1）。请使用 https://。</translation>
    </message>
    <message>
        <source>the services section of profile %1</source>
        <translation>配置文件 %1 的 services 部分</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>配置文件 %1</translation>
    </message>
    <message>
        <source>sts_regional_endpoints (from %1) must be &quot;regional&quot; or &quot;legacy&quot;.</source>
        <translation>sts_regional_endpoints（来自 %1）必须为“regional”或“legacy”。</translation>
    </message>
    <message>
        <source>%1 (from %2) must be &quot;true&quot; or &quot;false&quot;, not &quot;%3&quot;.</source>
        <translation>%1（来自 %2）必须为“true”或“false”，而不是“%3”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid region name: a region is a single host name label of letters, digits and hyphens, such as us-east-1.</source>
        <translation>“%1”不是有效的区域名称：区域名称是由字母、数字和连字符组成的单个主机名标签，例如 us-east-1。</translation>
    </message>
    <message>
        <source>%1 (from %2) are not available in the %3 partition of region %4. Turn the setting off or set an endpoint URL.</source>
        <translation>%1（来自 %2）在区域 %4 所属的 %3 分区中不可用。请关闭该设置，或设置终端节点 URL。</translation>
    </message>
    <message>
        <source>Dual-stack endpoints (use_dualstack_endpoint, from %1) are not available in the %2 partition of region %3; botocore and the AWS CLI refuse them there too. Turn the setting off or set an endpoint URL.</source>
        <translation>双栈终端节点（use_dualstack_endpoint，来自 %1）在区域 %3 所属的 %2 分区中不可用；botocore 和 AWS CLI 在该分区中同样拒绝使用。请关闭该设置，或设置终端节点 URL。</translation>
    </message>
    <message>
        <source>FIPS dual-stack endpoints</source>
        <translation>FIPS 双栈终端节点</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 和 %2</translation>
    </message>
    <message>
        <source>FIPS endpoints</source>
        <translation>FIPS 终端节点</translation>
    </message>
    <message>
        <source>Dual-stack endpoints</source>
        <translation>双栈终端节点</translation>
    </message>
</context>
<context>
    <name>EnvironmentCredentialsProvider</name>
    <message>
        <source>environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set in the environment.</source>
        <translation>环境中未设置 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY。</translation>
    </message>
    <message>
        <source>AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not. Set both, or neither.</source>
        <translation>已设置 AWS_SECRET_ACCESS_KEY，但未设置 AWS_ACCESS_KEY_ID。请两者都设置，或都不设置。</translation>
    </message>
    <message>
        <source>AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not. Set both, or neither.</source>
        <translation>已设置 AWS_ACCESS_KEY_ID，但未设置 AWS_SECRET_ACCESS_KEY。请两者都设置，或都不设置。</translation>
    </message>
    <message>
        <source>AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 date-time such as 2030-01-31T12:00:00Z.</source>
        <translation>AWS_CREDENTIAL_EXPIRATION 不是 2030-01-31T12:00:00Z 这样的 ISO 8601 日期时间。</translation>
    </message>
    <message>
        <source>The credentials in the environment expired at %1 (AWS_CREDENTIAL_EXPIRATION). Set fresh ones.</source>
        <translation>环境中的凭证已于 %1 过期（AWS_CREDENTIAL_EXPIRATION）。请设置新的凭证。</translation>
    </message>
    <message>
        <source>environment variables (AWS_ACCESS_KEY_ID)</source>
        <translation>环境变量（AWS_ACCESS_KEY_ID）</translation>
    </message>
</context>
<context>
    <name>ExpireCommand</name>
    <message>
        <source>sessionscope-cli: expire needs --yes when not run from a terminal</source>
        <translation>sessionscope-cli：不在终端中运行时，expire 需要 --yes</translation>
    </message>
    <message>
        <source>Not expired.</source>
        <translation>未终止。</translation>
    </message>
    <message>
        <source>Session %1 expired.
</source>
        <translation>会话 %1 已终止。
</translation>
    </message>
    <message>
        <source>End session %1 of portal %2? The user is disconnected. [y/N] </source>
        <extracomment>The answers read are always y or yes (in English), whatever the language.</extracomment>
        <translation>要终止门户 %2 的会话 %1 吗？用户将被断开连接。[y/N] </translation>
    </message>
</context>
<context>
    <name>ExpireSessionsDialog</name>
    <message>
        <source>Expire sessions</source>
        <translation>终止会话</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message numerus="yes">
        <source>Expire %n active session(s)? Their users are disconnected at once. This cannot be undone.</source>
        <translation>
            <numerusform>要终止 %n 个活动会话吗？其用户将立即断开连接。此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sessions to expire</source>
        <translation>要终止的会话</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>会话 ID</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Expire %n session(s)</source>
        <translation>
            <numerusform>终止 %n 个会话(&amp;E)</numerusform>
        </translation>
    </message>
    <message>
        <source>Expire the listed sessions</source>
        <translation>终止列出的会话</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Expire no further sessions; requests already sent still finish</source>
        <translation>不再终止其他会话；已发送的请求仍会完成</translation>
    </message>
    <message>
        <source>Expiring sessions…</source>
        <translation>正在终止会话…</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) expired.</source>
        <translation>
            <numerusform>已终止 %n 个会话。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 expired, %2 not expired: see each session&apos;s result.</source>
        <translation>已终止 %1 个，%2 个未终止：请查看每个会话的结果。</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n 个会话</numerusform>
        </translation>
    </message>
    <message>
        <source>Not expired (stopped)</source>
        <translation>未终止（已停止）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Expiring…</source>
        <translation>正在终止…</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>Not expired: %1</source>
        <translation>未终止：%1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export sessions</source>
        <translation>导出会话</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export actions</source>
        <translation>导出操作</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Choose the file and export</source>
        <translation>选择文件并导出</translation>
    </message>
    <message>
        <source>Close without exporting</source>
        <translation>关闭而不导出</translation>
    </message>
    <message>
        <source>&amp;Cancel export</source>
        <translation>取消导出(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>Stop now; the file is not written</source>
        <translation>立即停止；不写入文件</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <source>Back to the export options</source>
        <translation>返回导出选项</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>No rows are selected.</source>
        <translation>未选择任何行。</translation>
    </message>
    <message>
        <source>No rows are loaded.</source>
        <translation>未加载任何行。</translation>
    </message>
    <message>
        <source>Choose a portal first.</source>
        <translation>请先选择门户。</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <source>Export sessions to</source>
        <translation>将会话导出到</translation>
    </message>
    <message>
        <source>Exporting the selected rows (%1) to %2</source>
        <translation>正在将所选行（%1）导出到 %2</translation>
    </message>
    <message>
        <source>Exporting the loaded rows (%1) to %2</source>
        <translation>正在将已加载的行（%1）导出到 %2</translation>
    </message>
    <message>
        <source>Exporting every matching session of “%1” to %2</source>
        <translation>正在将“%1”中所有匹配的会话导出到 %2</translation>
    </message>
</context>
<context>
    <name>ExportEnrichment</name>
    <message>
        <source>This session id cannot be a Q Apps session.</source>
        <translation>此会话 ID 不可能是 Q Apps 会话。</translation>
    </message>
</context>
<context>
    <name>ExportFile</name>
    <message>
        <source>the output is not open for writing</source>
        <translation>输出未以写入方式打开</translation>
    </message>
    <message>
        <source>no file name was given</source>
        <translation>未提供文件名</translation>
    </message>
    <message>
        <source>this is a folder, not a file</source>
        <translation>这是文件夹，不是文件</translation>
    </message>
    <message>
        <source>the file is not open</source>
        <translation>文件未打开</translation>
    </message>
</context>
<context>
    <name>ExportFileChooser</name>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ExportFormatText</name>
    <message>
        <source>CSV (spreadsheets)</source>
        <translation>CSV（电子表格）</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>CSV, spreadsheet-safe</source>
        <translation>CSV，电子表格安全</translation>
    </message>
    <message>
        <source>CSV, exact values</source>
        <translation>CSV，精确值</translation>
    </message>
    <message>
        <source>JSON (one array)</source>
        <translation>JSON（一个数组）</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>JSON Lines (one object per line)</source>
        <translation>JSON Lines（每行一个对象）</translation>
    </message>
    <message>
        <source>JSON Lines files (*.jsonl)</source>
        <translation>JSON Lines 文件 (*.jsonl)</translation>
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
        <translation>未知列“%1”。有效的列：%2。</translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; is listed twice.</source>
        <translation>列“%1”列出了两次。</translation>
    </message>
    <message>
        <source>Choose at least one column to export.</source>
        <translation>请至少选择一列进行导出。</translation>
    </message>
</context>
<context>
    <name>ExportOptionsPage</name>
    <message>
        <source>Export options</source>
        <translation>导出选项</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Sessions to export</source>
        <translation>要导出的会话</translation>
    </message>
    <message>
        <source>Every session that matches the portal, filters and sort</source>
        <translation>与门户、筛选条件和排序匹配的所有会话</translation>
    </message>
    <message>
        <source>E&amp;very session that matches the portal, filters and sort</source>
        <translation>与门户、筛选条件和排序匹配的所有会话(&amp;V)</translation>
    </message>
    <message>
        <source>Fetched from the service page by page while the file is written; the table is not changed.</source>
        <translation>在写入文件的同时逐页从服务获取；表格不会改变。</translation>
    </message>
    <message>
        <source>Portal and filters</source>
        <translation>门户和筛选条件</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Format and options</source>
        <translation>格式和选项</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>文件格式</translation>
    </message>
    <message>
        <source>&amp;UTC, e.g. %1</source>
        <translation>UTC(&amp;U)，例如 %1</translation>
    </message>
    <message>
        <source>Times in UTC</source>
        <translation>时间使用 UTC</translation>
    </message>
    <message>
        <source>&amp;Local time with its offset, e.g. %1</source>
        <translation>带偏移量的本地时间(&amp;L)，例如 %1</translation>
    </message>
    <message>
        <source>Times in local time with the offset from UTC</source>
        <translation>时间使用本地时间及其相对 UTC 的偏移量</translation>
    </message>
    <message>
        <source>Start with a UTF-8 &amp;byte order mark</source>
        <translation>以 UTF-8 字节顺序标记开头(&amp;B)</translation>
    </message>
    <message>
        <source>Start the file with a UTF-8 byte order mark</source>
        <translation>文件以 UTF-8 字节顺序标记开头</translation>
    </message>
    <message>
        <source>Some spreadsheet programs (Microsoft Excel among them) read a CSV file as UTF-8 only when it starts with this mark; without it, names with accents or other scripts can show garbled.</source>
        <translation>某些电子表格程序（包括 Microsoft Excel）只有在 CSV 文件以此标记开头时才将其作为 UTF-8 读取；没有它，带重音符号或其他文字的名称可能显示为乱码。</translation>
    </message>
    <message>
        <source>&amp;Spreadsheet-safe values</source>
        <translation>电子表格安全值(&amp;S)</translation>
    </message>
    <message>
        <source>Spreadsheet-safe values</source>
        <translation>电子表格安全值</translation>
    </message>
    <message>
        <source>Spreadsheet programs run a cell that starts with =, +, -, @, a tab or a carriage return as a formula. A user name chosen by someone else could then run a command or send data away when the file is opened (&quot;CSV formula injection&quot;). With this on, such cells get a leading apostrophe so they show as text. Turn it off only when another program needs the exact values.</source>
        <translation>电子表格程序会把以 =、+、-、@、制表符或回车符开头的单元格当作公式执行。这样，他人选定的用户名可能在打开文件时运行命令或发送数据（“CSV formula injection”）。开启此选项后，这类单元格会加上前导撇号，以文本形式显示。仅当其他程序需要精确值时才关闭它。</translation>
    </message>
    <message>
        <source>F&amp;ile format:</source>
        <translation>文件格式(&amp;I)：</translation>
    </message>
    <message>
        <source>Times:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>CSV:</source>
        <translation>CSV：</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>列 %1</translation>
    </message>
    <message>
        <source>Column “%1” in the file</source>
        <translation>文件中的列“%1”</translation>
    </message>
    <message>
        <source>%1
Column “%2” in the file</source>
        <translation>%1
文件中的列“%2”</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Columns to export</source>
        <translation>要导出的列</translation>
    </message>
    <message>
        <source>Session &amp;ID</source>
        <translation>会话 ID(&amp;I)</translation>
    </message>
    <message>
        <source>User&amp;name</source>
        <translation>用户名(&amp;N)</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>状态(&amp;T)</translation>
    </message>
    <message>
        <source>Start ti&amp;me</source>
        <translation>开始时间(&amp;M)</translation>
    </message>
    <message>
        <source>En&amp;d time</source>
        <translation>结束时间(&amp;D)</translation>
    </message>
    <message>
        <source>Empty while the session is active</source>
        <translation>会话处于活动状态时为空</translation>
    </message>
    <message>
        <source>Portal &amp;ARN</source>
        <translation>门户 ARN(&amp;A)</translation>
    </message>
    <message>
        <source>Duration (seconds)</source>
        <translation>持续时间（秒）</translation>
    </message>
    <message>
        <source>Whole seconds from start to end; empty while the session is active</source>
        <translation>从开始到结束的整秒数；会话处于活动状态时为空</translation>
    </message>
    <message>
        <source>Portal name</source>
        <translation>门户名称</translation>
    </message>
    <message>
        <source>Looked up for each session</source>
        <translation>按会话逐个查询</translation>
    </message>
    <message>
        <source>About looked-up columns</source>
        <translation>关于需查询的列</translation>
    </message>
    <message>
        <source>Each of these needs one more request per session, so a large export takes longer.</source>
        <translation>其中每一列都需要为每个会话多发一个请求，因此大型导出会耗时更长。</translation>
    </message>
    <message>
        <source>&amp;Client IP addresses</source>
        <translation>客户端 IP 地址(&amp;C)</translation>
    </message>
    <message>
        <source>One GetSession request per session; the addresses are joined with &apos;;&apos; in CSV</source>
        <translation>每个会话一个 GetSession 请求；在 CSV 中地址以 &apos;;&apos; 连接</translation>
    </message>
    <message>
        <source>Amazon Q Apps sharing</source>
        <translation>Amazon Q Apps 共享</translation>
    </message>
    <message>
        <source>One GetQAppSessionMetadata request per session</source>
        <translation>每个会话一个 GetQAppSessionMetadata 请求</translation>
    </message>
    <message>
        <source>Q App session</source>
        <translation>Q App 会话</translation>
    </message>
    <message>
        <source>%1; “present” or “none”</source>
        <translation>%1；“present”或“none”</translation>
    </message>
    <message>
        <source>Q App session name</source>
        <translation>Q App 会话名称</translation>
    </message>
    <message>
        <source>Sharing enabled</source>
        <translation>已启用共享</translation>
    </message>
    <message>
        <source>Accepts responses</source>
        <translation>接受回复</translation>
    </message>
    <message>
        <source>Reveals cards</source>
        <translation>显示卡片</translation>
    </message>
    <message>
        <source>You own the session</source>
        <translation>会话归您所有</translation>
    </message>
    <message>
        <source>%1; whether the caller&apos;s identity owns the Q App session</source>
        <translation>%1；调用方身份是否拥有该 Q App 会话</translation>
    </message>
    <message>
        <source>Why the Q App columns are unavailable</source>
        <translation>Q App 列不可用的原因</translation>
    </message>
    <message>
        <source>Reading Q App sharing settings needs the ID of your Amazon Q Business instance, which is not set for this connection.</source>
        <translation>读取 Q App 共享设置需要您的 Amazon Q Business 实例 ID，而此连接尚未设置该 ID。</translation>
    </message>
    <message>
        <source>Set &amp;instance ID…</source>
        <translation>设置实例 ID(&amp;I)…</translation>
    </message>
    <message>
        <source>Set the Amazon Q Business instance ID</source>
        <translation>设置 Amazon Q Business 实例 ID</translation>
    </message>
    <message>
        <source>Default co&amp;lumns</source>
        <translation>默认列(&amp;L)</translation>
    </message>
    <message>
        <source>Choose the default columns</source>
        <translation>选择默认列</translation>
    </message>
    <message>
        <source>Session ID, username, status, start time, end time and portal ARN: the fields of the session list</source>
        <translation>会话 ID、用户名、状态、开始时间、结束时间和门户 ARN：会话列表的字段</translation>
    </message>
    <message>
        <source>&amp;Selected rows (%1)</source>
        <translation>所选行(&amp;S)（%1）</translation>
    </message>
    <message>
        <source>Selected rows</source>
        <translation>所选行</translation>
    </message>
    <message>
        <source>&amp;Loaded rows (%1, the whole list)</source>
        <translation>已加载的行(&amp;L)（%1，整个列表）</translation>
    </message>
    <message>
        <source>&amp;Loaded rows (%1)</source>
        <translation>已加载的行(&amp;L)（%1）</translation>
    </message>
    <message>
        <source>Loaded rows</source>
        <translation>已加载的行</translation>
    </message>
    <message>
        <source>Only the rows the table has loaded so far, in its order</source>
        <translation>仅表格目前已加载的行，按表格顺序</translation>
    </message>
    <message>
        <source>No portal is chosen.</source>
        <translation>未选择门户。</translation>
    </message>
    <message>
        <source>Portal “%1”</source>
        <translation>门户“%1”</translation>
    </message>
    <message>
        <source>any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>active only</source>
        <translation>仅活动</translation>
    </message>
    <message>
        <source>terminated only</source>
        <translation>仅已终止</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>用户 %1</translation>
    </message>
    <message>
        <source>session %1</source>
        <translation>会话 %1</translation>
    </message>
    <message>
        <source>newest first</source>
        <translation>最新的在前</translation>
    </message>
    <message>
        <source>oldest first</source>
        <translation>最早的在前</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>Fetched from the service; the table is not changed.</source>
        <translation>从服务获取；表格不会改变。</translation>
    </message>
    <message>
        <source>Portal: %1</source>
        <translation>门户：%1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>用户：%1</translation>
    </message>
</context>
<context>
    <name>ExportProgressPage</name>
    <message>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <source>What is exported</source>
        <translation>导出内容</translation>
    </message>
    <message>
        <source>Sessions written</source>
        <translation>已写入的会话</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>速率</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>已用时间</translation>
    </message>
    <message>
        <source>Lookups</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>GetSession and GetQAppSessionMetadata requests for the looked-up columns</source>
        <translation>为需查询的列发出的 GetSession 和 GetQAppSessionMetadata 请求</translation>
    </message>
    <message>
        <source>Sessions written:</source>
        <translation>已写入的会话：</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>速率：</translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation>已用时间：</translation>
    </message>
    <message>
        <source>Lookups:</source>
        <translation>查询：</translation>
    </message>
    <message>
        <source>Slowed down</source>
        <translation>已减速</translation>
    </message>
    <message>
        <source>Slowed down: AWS is limiting requests. The export goes on with fewer requests at a time.</source>
        <translation>已减速：AWS 正在限制请求。导出将以更少的并发请求继续。</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Format and columns</source>
        <translation>格式和列</translation>
    </message>
    <message>
        <source>%1 · times in %2 · columns: %3</source>
        <translation>%1 · 时间：%2 · 列：%3</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>local time with offset</source>
        <translation>带偏移量的本地时间</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 sessions per second</source>
        <translation>每秒 %1 个会话</translation>
    </message>
    <message>
        <source>%1 answered, %2 in flight</source>
        <translation>已应答 %1，进行中 %2</translation>
    </message>
</context>
<context>
    <name>GatewayExportEnrichment</name>
    <message>
        <source>The connection was closed during the export.</source>
        <translation>导出期间连接已关闭。</translation>
    </message>
</context>
<context>
    <name>GuiCredentialPrompts</name>
    <message>
        <source>Not signed in: the MFA code was not entered.</source>
        <translation>未登录：未输入 MFA 代码。</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>键盘快捷键(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;About SessionScope</source>
        <translation>关于 SessionScope(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>关于 Qt</translation>
    </message>
</context>
<context>
    <name>InstanceMetadataProvider</name>
    <message>
        <source>The instance metadata endpoint %1 is not a URL such as http://169.254.169.254.</source>
        <translation>实例元数据终端节点 %1 不是类似 http://169.254.169.254 的 URL。</translation>
    </message>
    <message>
        <source>The instance metadata endpoint mode must be IPv4 or IPv6, not &quot;%1&quot;.</source>
        <translation>实例元数据终端节点模式必须为 IPv4 或 IPv6，而不是“%1”。</translation>
    </message>
    <message>
        <source>EC2 instance metadata</source>
        <translation>EC2 实例元数据</translation>
    </message>
    <message>
        <source>No credentials from the EC2 instance metadata service (%1): %2</source>
        <translation>未能从 EC2 实例元数据服务（%1）获取凭证：%2</translation>
    </message>
    <message>
        <source>The EC2 instance metadata service is turned off (AWS_EC2_METADATA_DISABLED).</source>
        <translation>EC2 实例元数据服务已关闭（AWS_EC2_METADATA_DISABLED）。</translation>
    </message>
    <message>
        <source>no IMDSv2 token, and IMDSv1 is turned off (ec2_metadata_v1_disabled)</source>
        <translation>没有 IMDSv2 令牌，且 IMDSv1 已关闭（ec2_metadata_v1_disabled）</translation>
    </message>
    <message>
        <source>the token request was refused (HTTP 400)</source>
        <translation>令牌请求被拒绝（HTTP 400）</translation>
    </message>
    <message>
        <source>the instance has no IAM role</source>
        <translation>该实例没有 IAM 角色</translation>
    </message>
    <message>
        <source>it did not answer in time</source>
        <translation>未及时响应</translation>
    </message>
    <message>
        <source>it answered HTTP %1</source>
        <translation>响应了 HTTP %1</translation>
    </message>
    <message>
        <source>EC2 instance role %1</source>
        <translation>EC2 实例角色 %1</translation>
    </message>
    <message>
        <source>The EC2 instance metadata service answered without complete credentials for the role %1.</source>
        <translation>EC2 实例元数据服务的响应中没有角色 %1 的完整凭证。</translation>
    </message>
</context>
<context>
    <name>KeychainAccess</name>
    <message>
        <source>no details</source>
        <translation>无详细信息</translation>
    </message>
    <message>
        <source>No keychain service is running (Secret Service over D-Bus): there is no D-Bus session bus to reach it. Run SessionScope in a desktop session, or start one with dbus-run-session and a keyring such as gnome-keyring.</source>
        <translation>没有正在运行的密钥环服务（基于 D-Bus 的 Secret Service）：没有可用的 D-Bus 会话总线。请在桌面会话中运行 SessionScope，或用 dbus-run-session 和 gnome-keyring 等密钥环启动一个会话。</translation>
    </message>
    <message>
        <source>No keychain service is running (Secret Service over D-Bus): nothing provides org.freedesktop.secrets on the session bus. Start gnome-keyring, KWallet or KeePassXC&apos;s Secret Service integration, then retry.</source>
        <translation>没有正在运行的密钥环服务（基于 D-Bus 的 Secret Service）：会话总线上没有程序提供 org.freedesktop.secrets。请启动 gnome-keyring、KWallet 或 KeePassXC 的 Secret Service 集成，然后重试。</translation>
    </message>
    <message>
        <source>The system keychain is locked, so the secret of %1 cannot be %2. Unlock it (for example in your desktop&apos;s Passwords and Keys application, or by logging in again), then retry.</source>
        <translation>系统密钥环已锁定，因此无法%2 %1 的密钥。请解锁（例如在桌面的“密码和密钥”应用程序中，或重新登录），然后重试。</translation>
    </message>
    <message>
        <source>read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>The system keychain holds no secret for %1. Enter the secret access key again in the profile&apos;s settings.</source>
        <translation>系统密钥环中没有 %1 的密钥。请在配置文件设置中重新输入秘密访问密钥。</translation>
    </message>
    <message>
        <source>Access to the system keychain was denied by the user, so the secret of %1 is not available.</source>
        <translation>用户拒绝了对系统密钥环的访问，因此无法获得 %1 的密钥。</translation>
    </message>
    <message>
        <source>The system keychain denied access to the secret of %1: %2</source>
        <translation>系统密钥环拒绝访问 %1 的密钥：%2</translation>
    </message>
    <message>
        <source>No keychain service is available on this system: %1</source>
        <translation>此系统上没有可用的密钥环服务：%1</translation>
    </message>
    <message>
        <source>The system keychain is not supported on this platform.</source>
        <translation>此平台不支持系统密钥环。</translation>
    </message>
    <message>
        <source>Could not delete the secret of %1 from the system keychain: %2</source>
        <translation>无法从系统密钥环中删除 %1 的密钥：%2</translation>
    </message>
    <message>
        <source>The system keychain failed while handling the secret of %1: %2</source>
        <translation>系统密钥环在处理 %1 的密钥时出错：%2</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;System language</source>
        <translation>系统语言(&amp;S)</translation>
    </message>
    <message>
        <source>SessionScope will follow the system language the next time it starts.</source>
        <translation>SessionScope 下次启动时将使用系统语言。</translation>
    </message>
    <message>
        <source>SessionScope will use %1 the next time it starts.</source>
        <extracomment>%1 is the name of a language in that language, e.g. &quot;Deutsch&quot; or &quot;日本語&quot;.</extracomment>
        <translation>SessionScope 下次启动时将使用 %1。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
</context>
<context>
    <name>LoginCommand</name>
    <message>
        <source>There is no profile %1 in %2.</source>
        <translation>%2 中没有配置文件 %1。</translation>
    </message>
    <message>
        <source>Profile %1 does not use IAM Identity Center, so there is nothing to sign in to: &quot;login&quot; is for profiles with sso_session or sso_start_url.</source>
        <translation>配置文件 %1 未使用 IAM Identity Center，因此无需登录：“login”适用于含 sso_session 或 sso_start_url 的配置文件。</translation>
    </message>
    <message>
        <source>To sign in, open this URL in a browser on any device:

%1

and check that it shows the code:

%2

(Or open %3 and enter the code.) Waiting for the approval; Ctrl-C cancels.</source>
        <translation>要登录，请在任意设备的浏览器中打开此 URL：

%1

并确认其中显示的代码为：

%2

（或打开 %3 并输入代码。）正在等待批准；按 Ctrl-C 取消。</translation>
    </message>
    <message>
        <source>Signed in to IAM Identity Center with profile %1 until %2.
</source>
        <translation>已使用配置文件 %1 登录 IAM Identity Center，有效期至 %2。
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
        <translation>会话和详细信息</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The portals could not be loaded. %1</source>
        <translation>无法加载门户。%1</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>There are no WorkSpaces Secure Browser portals in %1. Check the region of the connection.</source>
        <translation>%1 中没有 WorkSpaces Secure Browser 门户。请检查连接的区域。</translation>
    </message>
    <message numerus="yes">
        <source>The service sent %n session(s) twice; each is shown once.</source>
        <translation>
            <numerusform>服务重复发送了 %n 个会话；每个会话只显示一次。</numerusform>
        </translation>
    </message>
    <message>
        <source>SessionScope — Demo data</source>
        <translation>SessionScope — 演示数据</translation>
    </message>
    <message>
        <source>SessionScope — %1</source>
        <translation>SessionScope — %1</translation>
    </message>
    <message>
        <source>No sessions match these filters.</source>
        <translation>没有符合这些筛选条件的会话。</translation>
    </message>
    <message>
        <source>This portal has no sessions. Terminated sessions are kept for about 35 days.</source>
        <translation>此门户没有会话。已终止的会话保留约 35 天。</translation>
    </message>
    <message>
        <source>Loading sessions…</source>
        <translation>正在加载会话…</translation>
    </message>
    <message>
        <source>No portal to show.</source>
        <translation>没有可显示的门户。</translation>
    </message>
    <message>
        <source>%1 The sessions loaded so far stay in the list.</source>
        <translation>%1 已加载的会话仍保留在列表中。</translation>
    </message>
    <message numerus="yes">
        <source>AWS is limiting requests; retrying in %n s.</source>
        <translation>
            <numerusform>AWS 正在限制请求；%n 秒后重试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The network did not answer; retrying in %n s.</source>
        <translation>
            <numerusform>网络未应答；%n 秒后重试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>AWS had a temporary problem; retrying in %n s.</source>
        <translation>
            <numerusform>AWS 出现临时问题；%n 秒后重试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s) as tab-separated values</source>
        <translation>
            <numerusform>已将 %n 行复制为制表符分隔值</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n session ID(s)</source>
        <translation>
            <numerusform>已复制 %n 个会话 ID</numerusform>
        </translation>
    </message>
    <message>
        <source>Only active sessions can be expired; none is selected.</source>
        <translation>只能终止活动会话；当前未选择任何活动会话。</translation>
    </message>
    <message numerus="yes">
        <source>Expired %1 of %n session(s)</source>
        <translation>
            <numerusform>已终止 %1 个会话（共 %n 个）</numerusform>
        </translation>
    </message>
    <message>
        <source>Amazon Q Business instance ID</source>
        <translation>Amazon Q Business 实例 ID</translation>
    </message>
    <message>
        <source>Amazon Q Business instance</source>
        <translation>Amazon Q Business 实例</translation>
    </message>
    <message>
        <source>The ID of the Amazon Q Business instance whose Q Apps sessions to read (for profile %1). Leave empty to turn Q App sharing off.</source>
        <translation>要读取其 Q Apps 会话的 Amazon Q Business 实例的 ID（用于配置文件 %1）。留空则关闭 Q App 共享。</translation>
    </message>
    <message>
        <source>“%1” is not an Amazon Q Business instance ID (it looks like a1b2c3d4-5678-90ab-cdef-EXAMPLE11111).</source>
        <translation>“%1”不是 Amazon Q Business 实例 ID（其格式类似 a1b2c3d4-5678-90ab-cdef-EXAMPLE11111）。</translation>
    </message>
    <message>
        <source>Your IAM Identity Center sign-in for profile %1 has expired.</source>
        <translation>配置文件 %1 的 IAM Identity Center 登录已过期。</translation>
    </message>
    <message>
        <source>&amp;Sign in again</source>
        <translation>重新登录(&amp;S)</translation>
    </message>
</context>
<context>
    <name>MainWindowActions</name>
    <message>
        <source>&amp;Connection…</source>
        <translation>连接(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Load &amp;all pages</source>
        <translation>加载全部页面(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Times in UTC</source>
        <translation>以 UTC 显示时间(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy selected rows</source>
        <translation>复制所选行(&amp;C)</translation>
    </message>
    <message>
        <source>Copy session &amp;ID</source>
        <translation>复制会话 ID(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Expire selected sessions…</source>
        <translation>终止所选会话(&amp;E)…</translation>
    </message>
    <message>
        <source>Expire selected sessions…</source>
        <comment>toolbar button</comment>
        <translation>终止所选会话…</translation>
    </message>
    <message>
        <source>Filter by &amp;username</source>
        <translation>按用户名筛选(&amp;U)</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>清除筛选条件(&amp;L)</translation>
    </message>
    <message>
        <source>Go to &amp;sessions</source>
        <translation>转到会话(&amp;S)</translation>
    </message>
    <message>
        <source>Go to &amp;details</source>
        <translation>转到详细信息(&amp;D)</translation>
    </message>
    <message>
        <source>Choose &amp;portal</source>
        <translation>选择门户(&amp;P)</translation>
    </message>
    <message>
        <source>Look up a &amp;Q App session</source>
        <translation>查找 Q App 会话(&amp;Q)</translation>
    </message>
    <message>
        <source>Amazon Q &amp;Business instance…</source>
        <translation>Amazon Q Business 实例(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Connected to the built-in emulator with generated data; nothing here is real.</source>
        <translation>已连接到使用生成数据的内置模拟器；这里的内容都不是真实的。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
</context>
<context>
    <name>MaxAttemptsResolver</name>
    <message>
        <source>profile %1</source>
        <translation>配置文件 %1</translation>
    </message>
    <message>
        <source>max_attempts (from %1) must be a whole number of at least 1, not &quot;%2&quot;.</source>
        <translation>max_attempts（来自 %1）必须是不小于 1 的整数，而不是“%2”。</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Message severity</source>
        <translation>消息严重性</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>消息文本</translation>
    </message>
    <message>
        <source>Message action</source>
        <translation>消息操作</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>关闭消息</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>MfaCodeDialog</name>
    <message>
        <source>MFA code</source>
        <translation>MFA 代码</translation>
    </message>
    <message>
        <source>Profile “%1” assumes the role %2 (%3). Enter the current code of your MFA device %4.</source>
        <extracomment>%1 the profile, %2 the role&apos;s name, %3 the role&apos;s ARN, %4 the MFA device (ARN or serial number).</extracomment>
        <translation>配置文件“%1”代入角色 %2（%3）。请输入您的 MFA 设备 %4 上的当前代码。</translation>
    </message>
    <message>
        <source>Six digits from the MFA device %1</source>
        <translation>来自 MFA 设备 %1 的六位数字</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 位数字</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>确定(&amp;O)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;MFA code:</source>
        <translation>MFA 代码(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>NetworkSettings</name>
    <message>
        <source>connection settings</source>
        <translation>连接设置</translation>
    </message>
    <message>
        <source>this is not a proxy URL; write it as http://host:port.</source>
        <translation>这不是代理 URL；请写成 http://host:port 的形式。</translation>
    </message>
    <message>
        <source>proxies are reached over http:// or https://, not %1://.</source>
        <translation>代理通过 http:// 或 https:// 访问，而不是 %1://。</translation>
    </message>
    <message>
        <source>a proxy URL has no path; write it as http://host:port.</source>
        <translation>代理 URL 不能包含路径；请写成 http://host:port 的形式。</translation>
    </message>
    <message>
        <source>a proxy URL has no query or fragment; write it as http://host:port.</source>
        <translation>代理 URL 不能包含查询或片段；请写成 http://host:port 的形式。</translation>
    </message>
    <message>
        <source>“%1” is not a number of seconds.</source>
        <translation>“%1”不是有效的秒数。</translation>
    </message>
    <message>
        <source>a timeout cannot be negative (0 means no limit).</source>
        <translation>超时不能为负数（0 表示不限制）。</translation>
    </message>
    <message>
        <source>%1 seconds is too long; write 0 for no limit.</source>
        <translation>%1 秒太长；如不限制，请填写 0。</translation>
    </message>
</context>
<context>
    <name>NetworkSettingsGroupBox</name>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>As the environment says (HTTPS_PROXY, HTTP_PROXY, NO_PROXY)</source>
        <translation>按环境变量（HTTPS_PROXY、HTTP_PROXY、NO_PROXY）</translation>
    </message>
    <message>
        <source>The system&apos;s proxy settings</source>
        <translation>系统代理设置</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>不使用代理</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>HTTPS proxy</source>
        <translation>HTTPS 代理</translation>
    </message>
    <message>
        <source>http://proxy.example.com:3128 — for https:// requests</source>
        <translation>http://proxy.example.com:3128 — 用于 https:// 请求</translation>
    </message>
    <message>
        <source>HTTP proxy</source>
        <translation>HTTP 代理</translation>
    </message>
    <message>
        <source>empty: http:// requests go direct</source>
        <translation>留空：http:// 请求直连</translation>
    </message>
    <message>
        <source>No proxy for</source>
        <translation>不使用代理的主机</translation>
    </message>
    <message>
        <source>.corp.example, 10.0.0.0/8, localhost</source>
        <translation>.corp.example, 10.0.0.0/8, localhost</translation>
    </message>
    <message>
        <source>Hosts reached directly, separated by commas: names (with or without a leading dot), IP addresses, CIDR ranges, each with an optional :port; * for all.</source>
        <translation>直接访问（不经代理）的主机，以英文逗号分隔：主机名（可带或不带前导点）、IP 地址、CIDR 范围，均可附加 :port；* 表示全部。</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA 证书包</translation>
    </message>
    <message>
        <source>empty: AWS_CA_BUNDLE, the profile&apos;s ca_bundle, the system&apos;s</source>
        <translation>留空：AWS_CA_BUNDLE、配置文件中的 ca_bundle、系统的</translation>
    </message>
    <message>
        <source>Choose the CA bundle file</source>
        <translation>选择 CA 证书包文件</translation>
    </message>
    <message>
        <source>empty: the profile&apos;s or the default; 0: no limit</source>
        <translation>留空：配置文件中的值或默认值；0：不限制</translation>
    </message>
    <message>
        <source>Connect timeout in seconds</source>
        <translation>连接超时（秒）</translation>
    </message>
    <message>
        <source>default (10)</source>
        <translation>默认（10）</translation>
    </message>
    <message>
        <source>Read timeout in seconds</source>
        <translation>读取超时（秒）</translation>
    </message>
    <message>
        <source>default (60)</source>
        <translation>默认（60）</translation>
    </message>
    <message>
        <source>Problem with the network settings</source>
        <translation>网络设置有问题</translation>
    </message>
    <message>
        <source>Connect timeo&amp;ut (s):</source>
        <translation>连接超时（秒）(&amp;U)：</translation>
    </message>
    <message>
        <source>Read ti&amp;meout (s):</source>
        <translation>读取超时（秒）(&amp;M)：</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>代理(&amp;X)：</translation>
    </message>
    <message>
        <source>&amp;HTTPS proxy:</source>
        <translation>HTTPS 代理(&amp;H)：</translation>
    </message>
    <message>
        <source>HTTP pr&amp;oxy:</source>
        <translation>HTTP 代理(&amp;O)：</translation>
    </message>
    <message>
        <source>No proxy &amp;for:</source>
        <translation>不使用代理的主机(&amp;F)：</translation>
    </message>
    <message>
        <source>C&amp;A bundle:</source>
        <translation>CA 证书包(&amp;A)：</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 a field&apos;s name (&quot;HTTPS proxy&quot;), %2 what is wrong with it</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>a manual proxy needs an HTTPS or HTTP proxy URL (or choose “No proxy”).</source>
        <translation>手动代理需要 HTTPS 或 HTTP 代理 URL（或选择“不使用代理”）。</translation>
    </message>
    <message>
        <source>the file %1 does not exist.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message>
        <source>the file %1 cannot be read.</source>
        <translation>无法读取文件 %1。</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <source>Read timeout</source>
        <translation>读取超时</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer)</source>
        <translation>PEM 证书 (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>PortalSelector</name>
    <message>
        <source>Portal</source>
        <translation>门户</translation>
    </message>
    <message>
        <source>P&amp;ortal:</source>
        <translation>门户(&amp;O)：</translation>
    </message>
    <message>
        <source>Copy portal ID or ARN</source>
        <translation>复制门户 ID 或 ARN</translation>
    </message>
    <message>
        <source>Copy the portal&apos;s ID or ARN</source>
        <translation>复制门户的 ID 或 ARN</translation>
    </message>
    <message>
        <source>Copy portal &amp;ID</source>
        <translation>复制门户 ID(&amp;I)</translation>
    </message>
    <message>
        <source>Copy portal &amp;ARN</source>
        <translation>复制门户 ARN(&amp;A)</translation>
    </message>
    <message>
        <source>%1
ID: %2
ARN: %3</source>
        <translation>%1
ID：%2
ARN：%3</translation>
    </message>
    <message>
        <source>Loading portals…</source>
        <translation>正在加载门户…</translation>
    </message>
    <message>
        <source>Portals could not be loaded</source>
        <translation>无法加载门户</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No portals in this region</source>
        <translation>此区域中没有门户</translation>
    </message>
    <message>
        <source>active</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>status unknown</source>
        <translation>状态未知</translation>
    </message>
</context>
<context>
    <name>PortalsCommand</name>
    <message>
        <source>PORTAL ID</source>
        <translation>门户 ID</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>MAX SESSIONS</source>
        <translation>最大会话数</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>ProfileCredentialsProvider</name>
    <message>
        <source>The profile &quot;%1&quot; was not found in %2.</source>
        <translation>在 %2 中未找到配置文件“%1”。</translation>
    </message>
    <message>
        <source>profile %1 (%2)</source>
        <translation>配置文件 %1（%2）</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; (%2) has no credentials: set aws_access_key_id and aws_secret_access_key, credential_process, role_arn with source_profile, web_identity_token_file or an IAM Identity Center sign-in (sso_session).</source>
        <translation>配置文件“%1”（%2）中没有凭证：请设置 aws_access_key_id 和 aws_secret_access_key、credential_process、role_arn 加 source_profile、web_identity_token_file，或 IAM Identity Center 登录（sso_session）。</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; contains both source_profile and credential_source; keep one of them.</source>
        <translation>配置文件“%1”同时包含 source_profile 和 credential_source；请只保留其一。</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has role_arn but neither source_profile nor credential_source to assume the role with.</source>
        <translation>配置文件“%1”有 role_arn，但既没有 source_profile 也没有 credential_source 来代入该角色。</translation>
    </message>
    <message>
        <source>The credential_source &quot;%1&quot; of the profile &quot;%2&quot; is not valid: use Environment, Ec2InstanceMetadata or EcsContainer.</source>
        <translation>配置文件“%2”的 credential_source“%1”无效：请使用 Environment、Ec2InstanceMetadata 或 EcsContainer。</translation>
    </message>
    <message>
        <source>The source_profile &quot;%1&quot; named in the profile &quot;%2&quot; does not exist.</source>
        <translation>配置文件“%2”中指定的 source_profile“%1”不存在。</translation>
    </message>
    <message>
        <source>The profiles&apos; source_profile settings form a loop: %1. Point one of them at a profile with credentials.</source>
        <translation>配置文件的 source_profile 设置形成了循环：%1。请将其中一个指向有凭证的配置文件。</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>配置文件 %1</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; (%2) has aws_secret_access_key but no aws_access_key_id.</source>
        <translation>配置文件“%1”（%2）有 aws_secret_access_key，但没有 aws_access_key_id。</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; (%2) has aws_access_key_id but no aws_secret_access_key.</source>
        <translation>配置文件“%1”（%2）有 aws_access_key_id，但没有 aws_secret_access_key。</translation>
    </message>
</context>
<context>
    <name>ProxyAuthenticationHandler</name>
    <message>
        <source>Not connected: the proxy %1 refused the user name and password again. Check them, then connect again.</source>
        <translation>未连接：代理 %1 再次拒绝了用户名和密码。请检查后重新连接。</translation>
    </message>
    <message>
        <source>Not connected: the proxy %1 needs a user name and password.</source>
        <translation>未连接：代理 %1 需要用户名和密码。</translation>
    </message>
</context>
<context>
    <name>ProxyCredentialStore</name>
    <message>
        <source>proxy %1:%2</source>
        <translation>代理 %1:%2</translation>
    </message>
    <message>
        <source>proxy %1</source>
        <translation>代理 %1</translation>
    </message>
</context>
<context>
    <name>ProxyCredentialsDialog</name>
    <message>
        <source>&amp;Remember in the keychain</source>
        <translation>在密钥环中记住(&amp;R)</translation>
    </message>
    <message>
        <source>Proxy sign-in</source>
        <translation>代理登录</translation>
    </message>
    <message>
        <source>The proxy %1 did not accept the user name and password. Enter them again.</source>
        <extracomment>%1 the proxy&apos;s host and port (&quot;proxy.corp.example:3128&quot;)</extracomment>
        <translation>代理 %1 未接受该用户名和密码。请重新输入。</translation>
    </message>
    <message>
        <source>The proxy %1 needs a user name and password before SessionScope can reach AWS.</source>
        <translation>代理 %1 需要用户名和密码，SessionScope 才能访问 AWS。</translation>
    </message>
    <message>
        <source>Proxy user name</source>
        <translation>代理用户名</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>代理密码</translation>
    </message>
    <message>
        <source>Remember in the keychain</source>
        <translation>在密钥环中记住</translation>
    </message>
    <message>
        <source>Keep the user name and password in the system keychain for the next time this proxy asks.</source>
        <translation>将用户名和密码保存在系统密钥环中，以便此代理下次询问时使用。</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>确定(&amp;O)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>ProxySettings</name>
    <message>
        <source>The proxy &quot;%1&quot;%2 is not a URL with a host, such as http://proxy.example.com:3128.</source>
        <extracomment>%1 the proxy URL (without its password), %2 where it was set, e.g. &quot; (HTTPS_PROXY)&quot;</extracomment>
        <translation>代理“%1”%2 不是带主机的 URL（例如 http://proxy.example.com:3128）。</translation>
    </message>
    <message>
        <source>The proxy &quot;%1&quot;%2 is reached over https, which SessionScope cannot do; use http://, through which https requests are still encrypted end to end.</source>
        <translation>代理“%1”%2 需要通过 https 访问，而 SessionScope 不支持这种方式；请使用 http://，通过它发送的 https 请求仍然是端到端加密的。</translation>
    </message>
    <message>
        <source>The proxy &quot;%1&quot;%2 has the scheme &quot;%3&quot;; SessionScope speaks to http:// and socks5:// proxies.</source>
        <translation>代理“%1”%2 使用的协议是“%3”；SessionScope 只支持 http:// 和 socks5:// 代理。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>the system&apos;s proxy settings</source>
        <translation>系统代理设置</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>直连</translation>
    </message>
    <message>
        <source>https: %1, http: %2</source>
        <extracomment>%1 the proxy of https requests, %2 the one of http requests (a URL or &quot;direct&quot;)</extracomment>
        <translation>https：%1，http：%2</translation>
    </message>
    <message>
        <source>; not for: %1</source>
        <extracomment>%1 the NO_PROXY entries, comma-separated</extracomment>
        <translation>；不适用于：%1</translation>
    </message>
</context>
<context>
    <name>ProxyTunnelProbe</name>
    <message>
        <source>no answer in time</source>
        <translation>未及时应答</translation>
    </message>
</context>
<context>
    <name>QAppSharingSection</name>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Q App sharing</source>
        <translation>Q App 共享</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>查找(&amp;L)</translation>
    </message>
    <message>
        <source>Q App session name</source>
        <translation>Q App 会话名称</translation>
    </message>
    <message>
        <source>Q App session ARN</source>
        <translation>Q App 会话 ARN</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>Accepts responses</source>
        <translation>接受回复</translation>
    </message>
    <message>
        <source>Reveals cards</source>
        <translation>显示卡片</translation>
    </message>
    <message>
        <source>Owned by you</source>
        <translation>归您所有</translation>
    </message>
    <message>
        <source>Q App session ID to look up</source>
        <translation>要查找的 Q App 会话 ID</translation>
    </message>
    <message>
        <source>Any Q App session ID</source>
        <translation>任意 Q App 会话 ID</translation>
    </message>
    <message>
        <source>Look up Q App session</source>
        <translation>查找 Q App 会话</translation>
    </message>
    <message>
        <source>Q App session shown</source>
        <translation>显示的 Q App 会话</translation>
    </message>
    <message>
        <source>Session name:</source>
        <translation>会话名称：</translation>
    </message>
    <message>
        <source>Session ARN:</source>
        <translation>会话 ARN：</translation>
    </message>
    <message>
        <source>Sharing:</source>
        <translation>共享：</translation>
    </message>
    <message>
        <source>Accepts responses:</source>
        <translation>接受回复：</translation>
    </message>
    <message>
        <source>Reveals cards:</source>
        <translation>显示卡片：</translation>
    </message>
    <message>
        <source>Owned by you:</source>
        <translation>归您所有：</translation>
    </message>
    <message>
        <source>Q App session %1</source>
        <translation>Q App 会话 %1</translation>
    </message>
    <message>
        <source>Select a session, or type a Q App session ID above.</source>
        <translation>请选择一个会话，或在上方输入 Q App 会话 ID。</translation>
    </message>
    <message>
        <source>Not configured: reading Q App sharing settings needs the ID of your Amazon Q Business instance.</source>
        <translation>未配置：读取 Q App 共享设置需要您的 Amazon Q Business 实例 ID。</translation>
    </message>
    <message>
        <source>No Q App session can have this ID: Q App session IDs are lower-case UUIDs.</source>
        <translation>任何 Q App 会话都不可能使用此 ID：Q App 会话 ID 是小写的 UUID。</translation>
    </message>
    <message>
        <source>Loading the Q App session…</source>
        <translation>正在加载 Q App 会话…</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>On: the session is shared</source>
        <translation>开：会话已共享</translation>
    </message>
    <message>
        <source>Off: not shared</source>
        <translation>关：未共享</translation>
    </message>
    <message>
        <source>On: accepts responses</source>
        <translation>开：接受回复</translation>
    </message>
    <message>
        <source>Off: does not accept responses</source>
        <translation>关：不接受回复</translation>
    </message>
    <message>
        <source>On: reveals cards</source>
        <translation>开：显示卡片</translation>
    </message>
    <message>
        <source>Off: does not reveal cards</source>
        <translation>关：不显示卡片</translation>
    </message>
    <message>
        <source>Yes, you own this session</source>
        <translation>是，此会话归您所有</translation>
    </message>
    <message>
        <source>No, another user owns this session</source>
        <translation>否，此会话归其他用户所有</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>未报告</translation>
    </message>
    <message>
        <source>No Q App session with this ID in Amazon Q Business instance %1.</source>
        <translation>Amazon Q Business 实例 %1 中没有此 ID 的 Q App 会话。</translation>
    </message>
    <message>
        <source>Set i&amp;nstance ID…</source>
        <translation>设置实例 ID(&amp;N)…</translation>
    </message>
    <message>
        <source>Change i&amp;nstance ID…</source>
        <translation>更改实例 ID(&amp;N)…</translation>
    </message>
</context>
<context>
    <name>QAppsClient</name>
    <message>
        <source>The Amazon Q Business instance id &quot;%1&quot; is not valid: it must be 1 to 256 visible ASCII characters.</source>
        <translation>Amazon Q Business 实例 ID“%1”无效：必须由 1 到 256 个可见 ASCII 字符组成。</translation>
    </message>
    <message>
        <source>The Q Apps session id &quot;%1&quot; is not valid: it must be a lower-case UUID version 4 (xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx).</source>
        <translation>Q Apps 会话 ID“%1”无效：必须是小写的第 4 版 UUID（xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx）。</translation>
    </message>
    <message>
        <source>The session name is longer than 100 characters (it has %1).</source>
        <translation>会话名称超过 100 个字符（现有 %1 个）。</translation>
    </message>
</context>
<context>
    <name>RegionResolver</name>
    <message>
        <source>profile %1</source>
        <translation>配置文件 %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (from %2) is an Availability Zone, not a region; use &quot;%3&quot;.</source>
        <translation>“%1”（来自%2）是可用区，不是区域；请使用“%3”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (from %2) is not an AWS region name such as us-east-1 or eu-west-1.</source>
        <translation>“%1”（来自%2）不是 us-east-1 或 eu-west-1 这样的 AWS 区域名称。</translation>
    </message>
    <message>
        <source>No AWS region is set. Choose one with --region, set AWS_REGION, or add &quot;region = us-east-1&quot; to profile %1 in %2 (for example: aws configure set region us-east-1 --profile %1).</source>
        <translation>未设置 AWS 区域。请用 --region 选择区域，或设置 AWS_REGION，或在 %2 的配置文件 %1 中添加“region = us-east-1”（例如：aws configure set region us-east-1 --profile %1）。</translation>
    </message>
</context>
<context>
    <name>RetryModeResolver</name>
    <message>
        <source>profile %1</source>
        <translation>配置文件 %1</translation>
    </message>
    <message>
        <source>retry_mode (from %1) must be legacy, standard or adaptive, not &quot;%2&quot;.</source>
        <extracomment>%1 where the value came from (AWS_RETRY_MODE, &quot;profile dev&quot;), %2 the value.</extracomment>
        <translation>retry_mode（来自 %1）必须为 legacy、standard 或 adaptive，而不是“%2”。</translation>
    </message>
</context>
<context>
    <name>SectionStatePanel</name>
    <message>
        <source>Section state</source>
        <translation>部分状态</translation>
    </message>
    <message>
        <source>State icon</source>
        <translation>状态图标</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>正在加载</translation>
    </message>
    <message>
        <source>Section action</source>
        <translation>部分操作</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
</context>
<context>
    <name>ServiceGateway</name>
    <message>
        <source>This connection cannot ask AWS who its credentials belong to.</source>
        <translation>此连接无法向 AWS 查询其凭证属于谁。</translation>
    </message>
</context>
<context>
    <name>SessionCommand</name>
    <message>
        <source>FIELD</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>SessionDetailPane</name>
    <message>
        <source>Session details</source>
        <translation>会话详细信息</translation>
    </message>
    <message>
        <source>No session selected</source>
        <translation>未选择会话</translation>
    </message>
    <message>
        <source>Select a session to see its details, client IP addresses and Q App sharing settings.</source>
        <translation>选择一个会话，查看其详细信息、客户端 IP 地址和 Q App 共享设置。</translation>
    </message>
</context>
<context>
    <name>SessionExporter</name>
    <message>
        <source>Choose a portal to export its sessions.</source>
        <translation>请选择要导出其会话的门户。</translation>
    </message>
    <message>
        <source>The client IP address column needs a connection to WorkSpaces Web.</source>
        <translation>客户端 IP 地址列需要连接到 WorkSpaces Web。</translation>
    </message>
    <message>
        <source>The Q App sharing columns need an Amazon Q Business instance id. Set it in the connection settings (or with --instance-id).</source>
        <translation>Q App 共享列需要 Amazon Q Business 实例 ID。请在连接设置中（或用 --instance-id）设置。</translation>
    </message>
    <message>
        <source>The service sent a page token it had already sent for this list; the export stopped to avoid an endless loop.</source>
        <translation>服务发送了此列表已发送过的分页令牌；为避免无限循环，导出已停止。</translation>
    </message>
    <message>
        <source>The service sent %1 pages in a row without a new session; the export stopped.</source>
        <translation>服务连续发送了 %1 个没有新会话的页面；导出已停止。</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n session(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 个会话导出到 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The export was cancelled after %n session(s); no file was written.</source>
        <translation>
            <numerusform>导出在 %n 个会话后被取消；未写入任何文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The export failed after %n session(s): %1 No file was written.</source>
        <translation>
            <numerusform>导出在 %n 个会话后失败：%1 未写入任何文件。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionFilterBar</name>
    <message>
        <source>Session filters</source>
        <translation>会话筛选条件</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>状态筛选</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Username filter</source>
        <translation>用户名筛选</translation>
    </message>
    <message>
        <source>Exact username (Ctrl+F)</source>
        <translation>完整用户名（Ctrl+F）</translation>
    </message>
    <message>
        <source>Shows only the sessions of this user. The service matches the whole username exactly.</source>
        <translation>仅显示此用户的会话。服务会精确匹配完整的用户名。</translation>
    </message>
    <message>
        <source>Session &amp;ID:</source>
        <translation>会话 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>Session ID lookup</source>
        <translation>按会话 ID 查找</translation>
    </message>
    <message>
        <source>Look up one session</source>
        <translation>查找单个会话</translation>
    </message>
    <message>
        <source>Session ID problem</source>
        <translation>会话 ID 问题</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选条件</translation>
    </message>
    <message>
        <source>Show all sessions of the portal</source>
        <translation>显示门户的所有会话</translation>
    </message>
    <message>
        <source>A session ID is 36 letters, digits or dashes</source>
        <translation>会话 ID 由 36 个字母、数字或短划线组成</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>SessionListLister</name>
    <message>
        <source>Invalid page token.</source>
        <translation>分页令牌无效。</translation>
    </message>
</context>
<context>
    <name>SessionStatusLine</name>
    <message>
        <source>Load &amp;all</source>
        <translation>全部加载(&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Session list status</source>
        <translation>会话列表状态</translation>
    </message>
    <message>
        <source>Sessions loaded</source>
        <translation>已加载的会话</translation>
    </message>
    <message>
        <source>Loading sessions</source>
        <translation>正在加载会话</translation>
    </message>
    <message>
        <source>Load all sessions</source>
        <translation>加载所有会话</translation>
    </message>
    <message>
        <source>Load every page of this list (needed to sort by columns other than Start time)</source>
        <translation>加载此列表的所有页面（按开始时间以外的列排序时需要）</translation>
    </message>
    <message>
        <source>Cancel loading all sessions</source>
        <translation>取消加载所有会话</translation>
    </message>
    <message>
        <source>No portal selected</source>
        <translation>未选择门户</translation>
    </message>
    <message>
        <source>Sessions loaded: %L1</source>
        <translation>已加载的会话：%L1</translation>
    </message>
    <message>
        <source>%1 — loading all…</source>
        <translation>%1 — 正在全部加载…</translation>
    </message>
    <message>
        <source>%1 — loading more…</source>
        <translation>%1 — 正在加载更多…</translation>
    </message>
    <message>
        <source>%1 — more available</source>
        <translation>%1 — 还有更多</translation>
    </message>
    <message>
        <source>%1 — all loaded</source>
        <translation>%1 — 已全部加载</translation>
    </message>
</context>
<context>
    <name>SessionSummary</name>
    <message>
        <source>Active</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>SessionSummarySection</name>
    <message>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>会话 ID</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>持续时间</translation>
    </message>
    <message>
        <source>Portal ARN</source>
        <translation>门户 ARN</translation>
    </message>
    <message>
        <source>Session ID:</source>
        <translation>会话 ID：</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Start time:</source>
        <translation>开始时间：</translation>
    </message>
    <message>
        <source>End time:</source>
        <translation>结束时间：</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>持续时间：</translation>
    </message>
    <message>
        <source>Portal ARN:</source>
        <translation>门户 ARN：</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>未报告</translation>
    </message>
    <message>
        <source>Still running</source>
        <translation>仍在运行</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message numerus="yes">
        <source>The service sent a page token it had already sent for this list, so loading stopped to avoid an endless loop (%n session(s) loaded).</source>
        <translation>
            <numerusform>服务发送了此列表已发送过的分页令牌，为避免无限循环，加载已停止（已加载 %n 个会话）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The service sent %1 pages in a row without a new session, so loading stopped (%n session(s) loaded).</source>
        <translation>
            <numerusform>服务连续发送了 %1 个没有新会话的页面，因此加载已停止（已加载 %n 个会话）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Still active</source>
        <translation>仍在活动</translation>
    </message>
    <message>
        <source>%1 s so far, since %2</source>
        <translation>自 %2 起至今 %1 秒</translation>
    </message>
    <message>
        <source>%1 s, from %2 to %3</source>
        <translation>%1 秒，从 %2 到 %3</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>会话 ID</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Start time (UTC)</source>
        <translation>开始时间 (UTC)</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>End time (UTC)</source>
        <translation>结束时间 (UTC)</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>持续时间</translation>
    </message>
    <message>
        <source>Sorted by the service. Times in UTC.</source>
        <translation>由服务排序。时间为 UTC。</translation>
    </message>
    <message>
        <source>Sorted by the service. Times in local time (%1).</source>
        <translation>由服务排序。时间为本地时间（%1）。</translation>
    </message>
    <message>
        <source>Times in UTC.</source>
        <translation>时间为 UTC。</translation>
    </message>
    <message>
        <source>Times in local time (%1).</source>
        <translation>时间为本地时间（%1）。</translation>
    </message>
    <message>
        <source>Sortable once every page is loaded.</source>
        <translation>加载所有页面后即可排序。</translation>
    </message>
    <message numerus="yes">
        <source>Sorting by %1 needs every page loaded (%n session(s) loaded so far). Load all pages first; start time can always be sorted.</source>
        <translation>
            <numerusform>按%1排序需要加载所有页面（目前已加载 %n 个会话）。请先加载所有页面；开始时间始终可以排序。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionTableView</name>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Session rows</source>
        <translation>会话行</translation>
    </message>
    <message>
        <source>Session columns</source>
        <translation>会话列</translation>
    </message>
    <message>
        <source>Sort &amp;by</source>
        <translation>排序方式(&amp;B)</translation>
    </message>
    <message>
        <source>Session &amp;ID</source>
        <translation>会话 ID(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>Start &amp;time</source>
        <translation>开始时间(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;End time</source>
        <translation>结束时间(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>持续时间(&amp;D)</translation>
    </message>
</context>
<context>
    <name>SessionWriter</name>
    <message>
        <source>the output is not open for writing</source>
        <translation>输出未以写入方式打开</translation>
    </message>
    <message>
        <source>the write failed</source>
        <translation>写入失败</translation>
    </message>
</context>
<context>
    <name>SessionsCommand</name>
    <message>
        <source>--format table writes to the terminal; use csv, json or jsonl with --output</source>
        <translation>--format table 输出到终端；与 --output 一起使用时请用 csv、json 或 jsonl</translation>
    </message>
    <message>
        <source>could not start the export</source>
        <translation>无法开始导出</translation>
    </message>
    <message numerus="yes">
        <source>after %n session(s) were written</source>
        <translation>
            <numerusform>已写入 %n 个会话之后</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>after %n session(s); no file was written</source>
        <translation>
            <numerusform>在 %n 个会话之后；未写入任何文件</numerusform>
        </translation>
    </message>
    <message>
        <source>error: %1 (%2)</source>
        <extracomment>%1 is the error, %2 what became of the output (&quot;after 5 sessions were written&quot;).</extracomment>
        <translation>错误：%1（%2）</translation>
    </message>
    <message>
        <source>%1, %2, %3 s, %4 sessions/s</source>
        <extracomment>Progress on the terminal: %1 sessions written, %2 pages fetched, %3 seconds, %4 sessions per second.</extracomment>
        <translation>%1，%2，%3 秒，%4 个会话/秒</translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln 个会话</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s)</source>
        <translation>
            <numerusform>%Ln 页</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln lookup(s)</source>
        <translation>
            <numerusform>，%Ln 次查询</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%Ln throttled, slowed down)</source>
        <translation>
            <numerusform>（%Ln 次被限流，已减速）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SharedConfig</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 和 %2</translation>
    </message>
</context>
<context>
    <name>SharedConfigFile</name>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1，第 %2 行：%3</translation>
    </message>
    <message>
        <source>expected an indented &quot;key = value&quot; setting under &quot;%1&quot;.</source>
        <translation>“%1”下应为缩进的“key = value”设置。</translation>
    </message>
    <message>
        <source>a section header is missing its closing &quot;]&quot;.</source>
        <translation>节标题缺少右方括号“]”。</translation>
    </message>
    <message>
        <source>unexpected text after the section header.</source>
        <translation>节标题后有意外的文本。</translation>
    </message>
    <message>
        <source>the section header has no name.</source>
        <translation>节标题没有名称。</translation>
    </message>
    <message>
        <source>a setting appears before the first [section] header.</source>
        <translation>在第一个 [节] 标题之前出现了设置。</translation>
    </message>
    <message>
        <source>expected &quot;key = value&quot;, a [section] header or a comment.</source>
        <translation>应为“key = value”、[节] 标题或注释。</translation>
    </message>
    <message>
        <source>a setting has no name before &quot;=&quot;.</source>
        <translation>设置在“=”之前没有名称。</translation>
    </message>
    <message>
        <source>%1 is a folder, not an AWS configuration file.</source>
        <translation>%1 是文件夹，不是 AWS 配置文件。</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too large to be an AWS configuration file.</source>
        <translation>%1 太大，不可能是 AWS 配置文件。</translation>
    </message>
</context>
<context>
    <name>SharingCommand</name>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>FIELD</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>值</translation>
    </message>
    <message>
        <source>sharing enabled</source>
        <translation>已启用共享</translation>
    </message>
    <message>
        <source>accepts responses</source>
        <translation>接受回复</translation>
    </message>
    <message>
        <source>reveals cards</source>
        <translation>显示卡片</translation>
    </message>
    <message>
        <source>you own it</source>
        <translation>归您所有</translation>
    </message>
</context>
<context>
    <name>ShortcutCatalog</name>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>when %1 has the focus</source>
        <translation>当 %1 具有焦点时</translation>
    </message>
    <message>
        <source>%1, then %2</source>
        <translation>%1，然后 %2</translation>
    </message>
    <message>
        <source>%1 menu</source>
        <translation>%1 菜单</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
    <message>
        <source>Open the %1 menu</source>
        <translation>打开 %1 菜单</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>菜单栏</translation>
    </message>
    <message>
        <source>Anywhere in the window</source>
        <translation>窗口中任意位置</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>转到 %1</translation>
    </message>
    <message>
        <source>Go to the next control</source>
        <translation>转到下一个控件</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>任意位置</translation>
    </message>
    <message>
        <source>Go to the previous control</source>
        <translation>转到上一个控件</translation>
    </message>
    <message>
        <source>Press the focused button or tick the focused box</source>
        <translation>按下具有焦点的按钮或勾选具有焦点的复选框</translation>
    </message>
    <message>
        <source>Move through a list (the session list loads more at its end)</source>
        <translation>在列表中移动（会话列表滚动到末尾时会加载更多）</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Select several sessions</source>
        <translation>选择多个会话</translation>
    </message>
    <message>
        <source>Session list</source>
        <translation>会话列表</translation>
    </message>
    <message>
        <source>Close a dialog, menu or drop-down list</source>
        <translation>关闭对话框、菜单或下拉列表</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>Search shortcuts</source>
        <translation>搜索快捷键</translation>
    </message>
    <message>
        <source>A command, a key or a menu, e.g. “copy” or “Ctrl”</source>
        <translation>命令、按键或菜单，例如“复制”或“Ctrl”</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>No matching shortcut</source>
        <translation>没有匹配的快捷键</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>No shortcut; reach it through the menu: %1</source>
        <translation>没有快捷键；请通过菜单使用：%1</translation>
    </message>
    <message>
        <source>No command, key or place matches “%1”.</source>
        <translation>没有与“%1”匹配的命令、按键或位置。</translation>
    </message>
</context>
<context>
    <name>SsoCredentialsProvider</name>
    <message>
        <source>The IAM Identity Center sign-in for profile %1 has expired. Sign in again: sessionscope-cli login --profile %1 (or aws sso login --profile %1).</source>
        <translation>配置文件 %1 的 IAM Identity Center 登录已过期。请重新登录：sessionscope-cli login --profile %1（或 aws sso login --profile %1）。</translation>
    </message>
    <message>
        <source>IAM Identity Center profile %1</source>
        <translation>IAM Identity Center 配置文件 %1</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; is configured to use SSO but is missing required configuration: %2</source>
        <translation>配置文件“%1”配置为使用 SSO，但缺少必需的配置：%2</translation>
    </message>
</context>
<context>
    <name>SsoDeviceLogin</name>
    <message>
        <source>The IAM Identity Center sign-in was cancelled.</source>
        <translation>IAM Identity Center 登录已取消。</translation>
    </message>
    <message>
        <source>The sign-in code expired before it was approved. Start the sign-in again.</source>
        <translation>登录代码在获得批准之前已过期。请重新开始登录。</translation>
    </message>
    <message>
        <source>The IAM Identity Center sign-in was refused.</source>
        <translation>IAM Identity Center 登录被拒绝。</translation>
    </message>
</context>
<context>
    <name>SsoOidcClient</name>
    <message>
        <source>IAM Identity Center answered %1 with something other than a JSON object.</source>
        <translation>IAM Identity Center 对 %1 的响应不是 JSON 对象。</translation>
    </message>
    <message>
        <source>IAM Identity Center answered %1 without a valid &quot;%2&quot;.</source>
        <translation>IAM Identity Center 对 %1 的响应中没有有效的“%2”。</translation>
    </message>
</context>
<context>
    <name>SsoPortalClient</name>
    <message>
        <source>IAM Identity Center answered GetRoleCredentials without a valid &quot;%1&quot;.</source>
        <translation>IAM Identity Center 对 GetRoleCredentials 的响应中没有有效的“%1”。</translation>
    </message>
</context>
<context>
    <name>SsoProfile</name>
    <message>
        <source>The config profile (%1) could not be found in %2.</source>
        <translation>在 %2 中找不到配置文件（%1）。</translation>
    </message>
    <message>
        <source>The specified sso-session does not exist: &quot;%1&quot; (profile %2 names it; add an [sso-session %1] section to %3).</source>
        <translation>指定的 sso-session 不存在：“%1”（配置文件 %2 引用了它；请在 %3 中添加 [sso-session %1] 节）。</translation>
    </message>
    <message>
        <source>The value for %1 is inconsistent between profile (%2) and sso-session (%3).</source>
        <translation>%1 的值在配置文件（%2）和 sso-session（%3）之间不一致。</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; is not configured for IAM Identity Center: it has neither sso_session nor sso_start_url.</source>
        <translation>配置文件“%1”未配置 IAM Identity Center：既没有 sso_session 也没有 sso_start_url。</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; is configured to use SSO but is missing required configuration: %2</source>
        <translation>配置文件“%1”配置为使用 SSO，但缺少必需的配置：%2</translation>
    </message>
    <message>
        <source>The sso_region &quot;%1&quot; of profile &quot;%2&quot; is not a region name such as us-east-1.</source>
        <translation>配置文件“%2”的 sso_region“%1”不是类似 us-east-1 的区域名称。</translation>
    </message>
</context>
<context>
    <name>SsoRegistrationCache</name>
    <message>
        <source>The IAM Identity Center client registration file %1 is not a registration.</source>
        <translation>IAM Identity Center 客户端注册文件 %1 不是注册信息。</translation>
    </message>
</context>
<context>
    <name>SsoSignInDialog</name>
    <message>
        <source>Cop&amp;y code</source>
        <translation>复制代码(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Open the sign-in page again</source>
        <translation>重新打开登录页面(&amp;O)</translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation>复制链接(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Sign in to IAM Identity Center</source>
        <translation>登录 IAM Identity Center</translation>
    </message>
    <message>
        <source>Signing in profile “%1” to IAM Identity Center.</source>
        <extracomment>%1 the profile, %2 the AWS access portal URL</extracomment>
        <translation>正在使用配置文件“%1”登录 IAM Identity Center。</translation>
    </message>
    <message>
        <source>Signing in profile “%1” to IAM Identity Center at %2.</source>
        <translation>正在使用配置文件“%1”登录位于 %2 的 IAM Identity Center。</translation>
    </message>
    <message>
        <source>Code to confirm</source>
        <translation>待确认的代码</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>复制代码</translation>
    </message>
    <message>
        <source>Open the sign-in page again</source>
        <translation>重新打开登录页面</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>登录状态</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Asking IAM Identity Center for a sign-in code…</source>
        <translation>正在向 IAM Identity Center 请求登录代码…</translation>
    </message>
    <message>
        <source>Your browser shows the sign-in page. Check that it shows this code, sign in and allow access. If no page opened, go to %1 and enter the code.</source>
        <extracomment>%1 the verification page (without the code), e.g. https://device.sso.us-east-1.amazonaws.com/</extracomment>
        <translation>浏览器中显示了登录页面。请确认其中显示的是此代码，然后登录并允许访问。如果没有打开页面，请访问 %1 并输入代码。</translation>
    </message>
    <message>
        <source>Waiting for you to allow access in the browser…</source>
        <translation>正在等待您在浏览器中允许访问…</translation>
    </message>
    <message>
        <source>Waiting for you to allow access in the browser (the code works until %1)…</source>
        <translation>正在等待您在浏览器中允许访问（代码有效期至 %1）…</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>已登录。</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>未登录：%1</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The browser could not be opened. Copy the link and open it yourself, or go to %1 and enter the code.</source>
        <translation>无法打开浏览器。请复制链接并自行打开，或访问 %1 并输入代码。</translation>
    </message>
</context>
<context>
    <name>SsoTokenCache</name>
    <message>
        <source>The IAM Identity Center token cache file %1 has no valid &quot;%2&quot;. Sign in again to replace it.</source>
        <translation>IAM Identity Center 令牌缓存文件 %1 中没有有效的“%2”。请重新登录以替换它。</translation>
    </message>
</context>
<context>
    <name>StaticCredentialsProvider</name>
    <message>
        <source>The access key id or the secret access key is empty.</source>
        <translation>访问密钥 ID 或秘密访问密钥为空。</translation>
    </message>
</context>
<context>
    <name>StsClient</name>
    <message>
        <source>STS answered GetCallerIdentity without an Arn.</source>
        <translation>STS 对 GetCallerIdentity 的响应中没有 Arn。</translation>
    </message>
    <message>
        <source>STS answered %1 with something that is not its XML answer.</source>
        <translation>STS 对 %1 的响应不是其 XML 应答。</translation>
    </message>
    <message>
        <source>STS answered %1 without complete credentials (access key id, secret, session token and expiration).</source>
        <translation>STS 对 %1 的响应中没有完整的凭证（访问密钥 ID、私有密钥、会话令牌和过期时间）。</translation>
    </message>
</context>
<context>
    <name>TableSessionWriter</name>
    <message>
        <source>SESSION ID</source>
        <translation>会话 ID</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>START</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>END</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>USERNAME</source>
        <translation>用户名</translation>
    </message>
</context>
<context>
    <name>TerminalPrompts</name>
    <message>
        <source>Not signed in: the MFA code was not entered.</source>
        <translation>未登录：未输入 MFA 代码。</translation>
    </message>
    <message>
        <source>Profile %1 needs a code from the MFA device %2, but %3 Run the command once from a terminal (the role&apos;s credentials are then cached in ~/.aws/cli/cache and reused until they expire), or use a profile without mfa_serial.</source>
        <extracomment>%1 the profile, %2 the MFA device, %3 why no one can be asked (a sentence).</extracomment>
        <translation>配置文件 %1 需要 MFA 设备 %2 上的代码，但%3请在终端中运行一次该命令（角色的凭证随后会缓存在 ~/.aws/cli/cache 中，并在过期前重复使用），或使用不含 mfa_serial 的配置文件。</translation>
    </message>
    <message>
        <source>sessionscope-cli is not running in a terminal, so nobody can type it.</source>
        <translation>sessionscope-cli 没有在终端中运行，因此无人能输入代码。</translation>
    </message>
    <message>
        <source>the terminal %1 cannot be opened (%2).</source>
        <translation>无法打开终端 %1（%2）。</translation>
    </message>
</context>
<context>
    <name>TimeFormat</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>running for %1</source>
        <translation>已运行 %1</translation>
    </message>
</context>
<context>
    <name>TimeoutResolver</name>
    <message>
        <source>%1 of profile %2 must be a number of seconds of at least 0 (0: no limit), not &quot;%3&quot;.</source>
        <extracomment>%1 the key (connect_timeout, read_timeout), %2 the profile name, %3 the value.</extracomment>
        <translation>配置文件 %2 的 %1 必须是不小于 0 的秒数（0：不限制），而不是“%3”。</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>配置文件 %1</translation>
    </message>
</context>
<context>
    <name>TlsSettings</name>
    <message>
        <source>The CA bundle %1 (from %2) %3.</source>
        <extracomment>%1 the file, %2 where it was named (&quot;AWS_CA_BUNDLE&quot;, &quot;--ca-bundle&quot;, &quot;profile dev&quot;), %3 what is wrong with it (&quot;is empty&quot;, &quot;cannot be read (Permission denied)&quot;)</extracomment>
        <translation>CA 证书包 %1（来自 %2）%3。</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>is a folder without a readable PEM certificate</source>
        <translation>是一个不含可读 PEM 证书的文件夹</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>it could not be verified</source>
        <translation>无法验证该证书</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 (subject &quot;%2&quot;, issued by &quot;%3&quot;) is not trusted: %4.</source>
        <extracomment>%1 host, %2 subject (&quot;CN=..., O=...&quot;), %3 issuer, %4 what is wrong (from Qt)</extracomment>
        <translation>%1 的 TLS 证书（主题“%2”，颁发者“%3”）不受信任：%4。</translation>
    </message>
    <message>
        <source>The CA bundle %1 (from %2) is the only trust used; if a company proxy or a private CA issues this certificate, add that CA&apos;s certificate to the bundle, or point AWS_CA_BUNDLE or --ca-bundle at one that has it.</source>
        <extracomment>%1 the CA bundle file, %2 where it was named</extracomment>
        <translation>CA 证书包 %1（来自 %2）是唯一使用的信任来源；如果此证书由公司代理或私有 CA 颁发，请将该 CA 的证书添加到证书包中，或将 AWS_CA_BUNDLE 或 --ca-bundle 指向包含它的证书包。</translation>
    </message>
    <message>
        <source>If a company proxy or a private CA issues this certificate, set AWS_CA_BUNDLE (or --ca-bundle, or ca_bundle in the profile) to a PEM file with that CA&apos;s certificate.</source>
        <translation>如果此证书由公司代理或私有 CA 颁发，请将 AWS_CA_BUNDLE（或 --ca-bundle，或配置文件中的 ca_bundle）设置为包含该 CA 证书的 PEM 文件。</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>无法读取（%1）</translation>
    </message>
    <message>
        <source>is larger than 64 MB, which no CA bundle is</source>
        <translation>大于 64 MB，不可能是 CA 证书包</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>holds no PEM certificate (-----BEGIN CERTIFICATE-----)</source>
        <translation>不含 PEM 证书（-----BEGIN CERTIFICATE-----）</translation>
    </message>
    <message>
        <source>holds no certificate that can be read</source>
        <translation>不含可读取的证书</translation>
    </message>
    <message>
        <source>holds %1 certificates of which only %2 can be read</source>
        <translation>含有 %1 个证书，但只能读取其中 %2 个</translation>
    </message>
</context>
<context>
    <name>TransportCall</name>
    <message>
        <source>No AWS credentials are configured.</source>
        <translation>未配置 AWS 凭证。</translation>
    </message>
    <message>
        <source>The request URL is not valid: %1</source>
        <translation>请求 URL 无效：%1</translation>
    </message>
    <message>
        <source>Could not connect to %1 within %2 s.</source>
        <translation>无法在 %2 秒内连接到 %1。</translation>
    </message>
    <message>
        <source>No data from %1 for %2 s.</source>
        <translation>%2 秒内未收到来自 %1 的数据。</translation>
    </message>
    <message>
        <source>The endpoint redirected the request (HTTP %1). Check the region and the endpoint URL.</source>
        <translation>终端节点重定向了请求（HTTP %1）。请检查区域和终端节点 URL。</translation>
    </message>
    <message>
        <source>The answer had no HTTP status.</source>
        <translation>应答中没有 HTTP 状态。</translation>
    </message>
    <message>
        <source>The connection closed after %1 of the %2 bytes of the answer.</source>
        <translation>在收到应答的 %2 字节中的 %1 字节后，连接已关闭。</translation>
    </message>
    <message>
        <source>The proxy %1 refused the user name and password. Check them in the proxy URL (HTTPS_PROXY / HTTP_PROXY, or the connection settings).</source>
        <extracomment>%1 the proxy&apos;s host:port</extracomment>
        <translation>代理 %1 拒绝了用户名和密码。请检查代理 URL 中的用户名和密码（HTTPS_PROXY / HTTP_PROXY，或连接设置）。</translation>
    </message>
    <message>
        <source>The proxy %1 asked for a user name and password. Put them into the proxy URL (http://user:password@host:port) of HTTPS_PROXY / HTTP_PROXY, or the connection settings.</source>
        <translation>代理 %1 要求提供用户名和密码。请将它们写入 HTTPS_PROXY / HTTP_PROXY 或连接设置中的代理 URL（http://user:password@host:port）。</translation>
    </message>
    <message>
        <source>Check the proxy (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, or the connection settings).</source>
        <translation>请检查代理（HTTPS_PROXY / HTTP_PROXY / NO_PROXY，或连接设置）。</translation>
    </message>
    <message>
        <source>The proxy %1 does not allow connections to %2 (it answered &quot;%3&quot;).</source>
        <extracomment>%1 the proxy&apos;s host:port, %2 the AWS host, %3 the proxy&apos;s answer (&quot;HTTP/1.1 403 Forbidden&quot;)</extracomment>
        <translation>代理 %1 不允许连接到 %2（其应答为“%3”）。</translation>
    </message>
    <message>
        <source>The proxy %1 could not reach %2 (it answered &quot;%3&quot;).</source>
        <translation>代理 %1 无法访问 %2（其应答为“%3”）。</translation>
    </message>
    <message>
        <source>The proxy %1 refused the connection to %2 (it answered &quot;%3&quot;).</source>
        <translation>代理 %1 拒绝了到 %2 的连接（其应答为“%3”）。</translation>
    </message>
    <message>
        <source>Could not connect through the proxy %1: %2.</source>
        <extracomment>%1 the proxy&apos;s host:port, %2 why (Qt&apos;s or the system&apos;s words, e.g. &quot;Connection refused&quot;)</extracomment>
        <translation>无法通过代理 %1 建立连接：%2。</translation>
    </message>
</context>
<context>
    <name>WebIdentityProvider</name>
    <message>
        <source>environment (AWS_WEB_IDENTITY_TOKEN_FILE)</source>
        <translation>环境变量（AWS_WEB_IDENTITY_TOKEN_FILE）</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>配置文件 %1</translation>
    </message>
    <message>
        <source>web identity (role %1, %2)</source>
        <translation>Web 身份（角色 %1，%2）</translation>
    </message>
    <message>
        <source>The %1 sets a web identity token file but no role: set role_arn in the profile or AWS_ROLE_ARN.</source>
        <translation>%1：设置了 Web 身份令牌文件，但没有角色；请在配置文件中设置 role_arn 或设置 AWS_ROLE_ARN。</translation>
    </message>
    <message>
        <source>Could not read the web identity token file %1 (from the %2): %3</source>
        <translation>无法读取 Web 身份令牌文件 %1（来源：%2）：%3</translation>
    </message>
    <message>
        <source>The web identity token file %1 (from the %2) is empty.</source>
        <translation>Web 身份令牌文件 %1（来源：%2）为空。</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Try the &amp;demo</source>
        <translation>试用演示(&amp;D)</translation>
    </message>
    <message>
        <source>Set up a &amp;connection…</source>
        <translation>设置连接(&amp;C)…</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>SessionScope logo</source>
        <translation>SessionScope 徽标</translation>
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
        <translation>欢迎消息</translation>
    </message>
    <message>
        <source>Browse the sessions of your Amazon WorkSpaces Secure Browser portals and the sharing settings of Amazon Q Apps sessions. Connect with an AWS profile, or look around on built-in demo data first.</source>
        <translation>浏览 Amazon WorkSpaces Secure Browser 门户的会话以及 Amazon Q Apps 会话的共享设置。请使用 AWS 配置文件连接，或先用内置演示数据看看。</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>试用演示</translation>
    </message>
    <message>
        <source>Set up a connection</source>
        <translation>设置连接</translation>
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
        <translation>账户：%1
Arn：%2
用户 ID：%3
凭证来源：%4
</translation>
    </message>
</context>
<context>
    <name>WorkSpacesWebClient</name>
    <message>
        <source>The page token is longer than 2048 characters.</source>
        <translation>分页令牌超过 2048 个字符。</translation>
    </message>
    <message>
        <source>The page token contains whitespace.</source>
        <translation>分页令牌包含空白字符。</translation>
    </message>
    <message>
        <source>The page size must be at least 1 (or 0 to let the service choose), not %1.</source>
        <translation>页面大小必须至少为 1（或为 0，由服务决定），而不是 %1。</translation>
    </message>
    <message>
        <source>The portal id &quot;%1&quot; is not valid: it must be 36 letters, digits or &apos;-&apos; (it has %2).</source>
        <translation>门户 ID“%1”无效：必须由 36 个字母、数字或“-”组成（现有 %2 个）。</translation>
    </message>
    <message>
        <source>The session id &quot;%1&quot; is not valid: it must be 36 letters, digits or &apos;-&apos; (it has %2).</source>
        <translation>会话 ID“%1”无效：必须由 36 个字母、数字或“-”组成（现有 %2 个）。</translation>
    </message>
    <message>
        <source>GetPortal needs the portal&apos;s ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID), not only its id.</source>
        <translation>GetPortal 需要门户的 ARN（arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID），而不仅仅是 ID。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a portal ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID).</source>
        <translation>“%1”不是门户 ARN（arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID）。</translation>
    </message>
    <message>
        <source>The user name is longer than 256 characters.</source>
        <translation>用户名超过 256 个字符。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Run &quot;sessionscope-cli --help&quot; for usage.</source>
        <translation>运行“sessionscope-cli --help”查看用法。</translation>
    </message>
    <message>
        <source>Browse Amazon WorkSpaces Secure Browser sessions.</source>
        <translation>浏览 Amazon WorkSpaces Secure Browser 会话。</translation>
    </message>
    <message>
        <source>Start on the built-in demo data.</source>
        <translation>使用内置演示数据启动。</translation>
    </message>
    <message>
        <source>Connect with this AWS profile.</source>
        <translation>使用此 AWS 配置文件连接。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>Use this AWS region.</source>
        <translation>使用此 AWS 区域。</translation>
    </message>
    <message>
        <source>region</source>
        <translation>region</translation>
    </message>
    <message>
        <source>Send requests to this endpoint.</source>
        <translation>将请求发送到此终端节点。</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Use a dark palette (when the desktop&apos;s dark theme is not picked up).</source>
        <translation>使用深色调色板（当桌面的深色主题未生效时）。</translation>
    </message>
    <message>
        <source>Show SessionScope in this language (%1) for this run.</source>
        <translation>本次运行时以此语言（%1）显示 SessionScope。</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
</context>
</TS>
