
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'realtime-doctor' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'realtime-doctor'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'realtime-doctor' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway''s private CA, a TURN server''s certificate): for the API and for stuns:/turns: servers')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check''s --help)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--redact-ips', '--redact-ips', [CompletionResultType]::ParameterName, 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check-all', 'check-all', [CompletionResultType]::ParameterValue, 'Run every check (concurrently where they are independent) and give one verdict')
            [CompletionResult]::new('browser', 'browser', [CompletionResultType]::ParameterValue, 'Run the microphone and call checks in a browser: the page a correct voice app is, served from this machine')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'Check the API key, the way to the API, model access and (Realtime) client secrets')
            [CompletionResult]::new('stun', 'stun', [CompletionResultType]::ParameterValue, 'Check STUN reachability and NAT behaviour (RFC 8489, RFC 5780)')
            [CompletionResult]::new('turn', 'turn', [CompletionResultType]::ParameterValue, 'Check TURN allocation and that the relay really relays (RFC 8656)')
            [CompletionResult]::new('mic', 'mic', [CompletionResultType]::ParameterValue, 'Check microphone capture: the device, its format and its level')
            [CompletionResult]::new('sdp', 'sdp', [CompletionResultType]::ParameterValue, 'Check the SDP round trip (/v1/realtime/calls, or /v1/live/sessions for GPT-Live), and which answer candidates answer')
            [CompletionResult]::new('datachannel', 'datachannel', [CompletionResultType]::ParameterValue, 'Check that oai-events opens and the session''s first events arrive, each phase timed')
            [CompletionResult]::new('voice', 'voice', [CompletionResultType]::ParameterValue, 'Say a built-in utterance on the call''s audio track and check that the model hears it and its reply plays: time to first audio, the reply''s level and length, the turn''s usage')
            [CompletionResult]::new('browser-mic', 'browser-mic', [CompletionResultType]::ParameterValue, 'Check the microphone in a browser: the site''s permission, the device list, getUserMedia and the level, as your voice app''s page gets them')
            [CompletionResult]::new('browser-webrtc', 'browser-webrtc', [CompletionResultType]::ParameterValue, 'Check a call from a browser: the page''s offer through this tool (or your --via route), ICE as the browser does it, the data channel and the first event')
            [CompletionResult]::new('selftest', 'selftest', [CompletionResultType]::ParameterValue, 'Run check-all against built-in local servers, for both voice APIs: no key and no internet needed')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Work with saved reports and support bundles')
            [CompletionResult]::new('analyze', 'analyze', [CompletionResultType]::ParameterValue, 'Diagnose what a user sends: a chrome://webrtc-internals dump, a HAR file from the browser''s Network tab, an SDP offer and/or answer, or a saved report or support bundle; the same verdict and fixes as a run')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('fake-server', 'fake-server', [CompletionResultType]::ParameterValue, 'Serve the fake Realtime API (for the network lab; examples/fake_realtime_server.rs is the documented way to run it by hand)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'realtime-doctor;check-all' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to check: a Realtime model, or a GPT-Live model (gpt-live-1, gpt-live-1.1). On Azure OpenAI, the deployment name. [default: gpt-realtime; gpt-live-1 with --api live]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which voice API your app uses. live: GPT-Live (POST /v1/live/sessions); realtime: the Realtime API (client secrets and /v1/realtime/calls); beta: the Realtime API''s retired beta endpoints; auto: live for a gpt-live-* model, else realtime (and, when the endpoint fails as one that predates the GA Realtime API does, a beta probe to say so). Each GPT-Live check creates a real session, which OpenAI bills 15 s of voice while it starts; the check closes it at once and never retries a create')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'How to send the key: auto (the api-key header for Azure OpenAI hosts, else a bearer token), bearer (Authorization: Bearer, also for a Microsoft Entra token on Azure), or api-key (Azure''s api-key header)')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file (first line; the rest is ignored)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization id sent as OpenAI-Organization')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id sent as OpenAI-Project')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Your app''s token route, as your frontend calls it (e.g. http://localhost:3000/api/token): the key check judges what it returns (an ek_ client secret at `value`, its expiry, never a standard key), and sdp/datachannel use its secret for /v1/realtime/calls, as the page does')
            [CompletionResult]::new('--app-header', '--app-header', [CompletionResultType]::ParameterName, 'An extra header for your app''s routes (--via, --token-url), repeatable, e.g. ''Cookie: session=...'' as your logged-in frontend sends it. Its value is never printed')
            [CompletionResult]::new('--via-header', '--via-header', [CompletionResultType]::ParameterName, 'An extra header for your app''s routes (--via, --token-url), repeatable, e.g. ''Cookie: session=...'' as your logged-in frontend sends it. Its value is never printed')
            [CompletionResult]::new('--stun', '--stun', [CompletionResultType]::ParameterName, 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default for the stun check: well-known public servers; the WebRTC checks use none unless given, as OpenAI''s SDKs do')
            [CompletionResult]::new('--turn', '--turn', [CompletionResultType]::ParameterName, 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port')
            [CompletionResult]::new('--turn-username', '--turn-username', [CompletionResultType]::ParameterName, 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)')
            [CompletionResult]::new('--turn-credential', '--turn-credential', [CompletionResultType]::ParameterName, 'TURN password (never printed)')
            [CompletionResult]::new('--turn-secret', '--turn-secret', [CompletionResultType]::ParameterName, 'TURN REST shared secret (coturn''s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed')
            [CompletionResult]::new('--ice-transport-policy', '--ice-transport-policy', [CompletionResultType]::ParameterName, 'ICE transport policy: all candidates, or relay (TURN) only')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'Send the offer to your app''s own backend route, exactly as your frontend does (e.g. http://localhost:3000/api/session), instead of to OpenAI: the backend holds the key')
            [CompletionResult]::new('--via-shape', '--via-shape', [CompletionResultType]::ParameterName, 'The body your backend route expects: the raw SDP (application/sdp), JSON {"sdp": ...}, or JSON {"offer": {"type": "offer", "sdp": ...}}; auto tries them in that order while the route refuses the shape (400, 415, 422)')
            [CompletionResult]::new('--origin', '--origin', [CompletionResultType]::ParameterName, 'The origin your page is served from, when it is not the --via route''s own (e.g. http://localhost:5173 for a dev server in front of an API on :3000): the route is then checked as a browser would, with a CORS preflight and Access-Control-Allow-Origin')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Local IP address for the peer''s sockets (default: every interface; loopback when the base URL is loopback)')
            [CompletionResult]::new('--device', '--device', [CompletionResultType]::ParameterName, 'Microphone to test: its ALSA name as `arecord -L` lists it (e.g. pulse, hw:CARD=USB), or a substring of its description (see the `devices` evidence). Default: the system''s default input')
            [CompletionResult]::new('--seconds', '--seconds', [CompletionResultType]::ParameterName, 'Microphone capture window')
            [CompletionResult]::new('--launch', '--launch', [CompletionResultType]::ParameterName, 'Open the page in this browser: chromium (Chromium, Chrome or Edge), firefox, or default (the system''s default browser). Without it the URL is printed, and the check waits for you to open it in the browser your app runs in')
            [CompletionResult]::new('--browser-path', '--browser-path', [CompletionResultType]::ParameterName, 'The browser''s executable, when it is not on PATH under its usual names')
            [CompletionResult]::new('--browser-arg', '--browser-arg', [CompletionResultType]::ParameterName, 'An extra command-line argument for the launched browser (repeatable), e.g. --browser-arg=--proxy-server=http://proxy:3128')
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Where the page is served [default: 127.0.0.1 on a free port]. Browsers allow the microphone only in a secure context: http://127.0.0.1 and http://localhost are, another address over plain http is not')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Leave a check out (repeatable, or comma-separated): it is reported as SKIP')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (repeatable, or comma-separated); the others are reported as SKIP')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway''s private CA, a TURN server''s certificate): for the API and for stuns:/turns: servers')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check''s --help)')
            [CompletionResult]::new('--api-key-stdin', '--api-key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from standard input')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Send the key over plain http:// to a host that is not this machine (a gateway on a network you trust). Without it such a base URL is refused before any request; with it the report warns')
            [CompletionResult]::new('--unified', '--unified', [CompletionResultType]::ParameterName, 'Send the offer the "unified interface" way: multipart/form-data with `sdp` and `session`, authenticated with the standard key (as a server does), instead of minting an ek_ secret')
            [CompletionResult]::new('--require-mic', '--require-mic', [CompletionResultType]::ParameterName, 'Fail (instead of skip) when there is no usable microphone')
            [CompletionResult]::new('--headless', '--headless', [CompletionResultType]::ParameterName, 'Run the launched browser headless, with a fake microphone and the permission granted (for CI): the page then checks the network path and the browser''s WebRTC, not your microphone')
            [CompletionResult]::new('--browser', '--browser', [CompletionResultType]::ParameterName, 'Also run the checks in a browser (browser-mic, browser-webrtc; see the browser command)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--redact-ips', '--redact-ips', [CompletionResultType]::ParameterName, 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;browser' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to check: a Realtime model, or a GPT-Live model (gpt-live-1, gpt-live-1.1). On Azure OpenAI, the deployment name. [default: gpt-realtime; gpt-live-1 with --api live]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which voice API your app uses. live: GPT-Live (POST /v1/live/sessions); realtime: the Realtime API (client secrets and /v1/realtime/calls); beta: the Realtime API''s retired beta endpoints; auto: live for a gpt-live-* model, else realtime (and, when the endpoint fails as one that predates the GA Realtime API does, a beta probe to say so). Each GPT-Live check creates a real session, which OpenAI bills 15 s of voice while it starts; the check closes it at once and never retries a create')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'How to send the key: auto (the api-key header for Azure OpenAI hosts, else a bearer token), bearer (Authorization: Bearer, also for a Microsoft Entra token on Azure), or api-key (Azure''s api-key header)')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file (first line; the rest is ignored)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization id sent as OpenAI-Organization')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id sent as OpenAI-Project')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Your app''s token route, as your frontend calls it (e.g. http://localhost:3000/api/token): the key check judges what it returns (an ek_ client secret at `value`, its expiry, never a standard key), and sdp/datachannel use its secret for /v1/realtime/calls, as the page does')
            [CompletionResult]::new('--app-header', '--app-header', [CompletionResultType]::ParameterName, 'An extra header for your app''s routes (--via, --token-url), repeatable, e.g. ''Cookie: session=...'' as your logged-in frontend sends it. Its value is never printed')
            [CompletionResult]::new('--via-header', '--via-header', [CompletionResultType]::ParameterName, 'An extra header for your app''s routes (--via, --token-url), repeatable, e.g. ''Cookie: session=...'' as your logged-in frontend sends it. Its value is never printed')
            [CompletionResult]::new('--stun', '--stun', [CompletionResultType]::ParameterName, 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default for the stun check: well-known public servers; the WebRTC checks use none unless given, as OpenAI''s SDKs do')
            [CompletionResult]::new('--turn', '--turn', [CompletionResultType]::ParameterName, 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port')
            [CompletionResult]::new('--turn-username', '--turn-username', [CompletionResultType]::ParameterName, 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)')
            [CompletionResult]::new('--turn-credential', '--turn-credential', [CompletionResultType]::ParameterName, 'TURN password (never printed)')
            [CompletionResult]::new('--turn-secret', '--turn-secret', [CompletionResultType]::ParameterName, 'TURN REST shared secret (coturn''s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed')
            [CompletionResult]::new('--ice-transport-policy', '--ice-transport-policy', [CompletionResultType]::ParameterName, 'ICE transport policy: all candidates, or relay (TURN) only')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'Send the offer to your app''s own backend route, exactly as your frontend does (e.g. http://localhost:3000/api/session), instead of to OpenAI: the backend holds the key')
            [CompletionResult]::new('--via-shape', '--via-shape', [CompletionResultType]::ParameterName, 'The body your backend route expects: the raw SDP (application/sdp), JSON {"sdp": ...}, or JSON {"offer": {"type": "offer", "sdp": ...}}; auto tries them in that order while the route refuses the shape (400, 415, 422)')
            [CompletionResult]::new('--origin', '--origin', [CompletionResultType]::ParameterName, 'The origin your page is served from, when it is not the --via route''s own (e.g. http://localhost:5173 for a dev server in front of an API on :3000): the route is then checked as a browser would, with a CORS preflight and Access-Control-Allow-Origin')
            [CompletionResult]::new('--launch', '--launch', [CompletionResultType]::ParameterName, 'Open the page in this browser: chromium (Chromium, Chrome or Edge), firefox, or default (the system''s default browser). Without it the URL is printed, and the check waits for you to open it in the browser your app runs in')
            [CompletionResult]::new('--browser-path', '--browser-path', [CompletionResultType]::ParameterName, 'The browser''s executable, when it is not on PATH under its usual names')
            [CompletionResult]::new('--browser-arg', '--browser-arg', [CompletionResultType]::ParameterName, 'An extra command-line argument for the launched browser (repeatable), e.g. --browser-arg=--proxy-server=http://proxy:3128')
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Where the page is served [default: 127.0.0.1 on a free port]. Browsers allow the microphone only in a secure context: http://127.0.0.1 and http://localhost are, another address over plain http is not')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway''s private CA, a TURN server''s certificate): for the API and for stuns:/turns: servers')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check''s --help)')
            [CompletionResult]::new('--api-key-stdin', '--api-key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from standard input')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Send the key over plain http:// to a host that is not this machine (a gateway on a network you trust). Without it such a base URL is refused before any request; with it the report warns')
            [CompletionResult]::new('--headless', '--headless', [CompletionResultType]::ParameterName, 'Run the launched browser headless, with a fake microphone and the permission granted (for CI): the page then checks the network path and the browser''s WebRTC, not your microphone')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--redact-ips', '--redact-ips', [CompletionResultType]::ParameterName, 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;key' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to check: a Realtime model, or a GPT-Live model (gpt-live-1, gpt-live-1.1). On Azure OpenAI, the deployment name. [default: gpt-realtime; gpt-live-1 with --api live]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which voice API your app uses. live: GPT-Live (POST /v1/live/sessions); realtime: the Realtime API (client secrets and /v1/realtime/calls); beta: the Realtime API''s retired beta endpoints; auto: live for a gpt-live-* model, else realtime (and, when the endpoint fails as one that predates the GA Realtime API does, a beta probe to say so). Each GPT-Live check creates a real session, which OpenAI bills 15 s of voice while it starts; the check closes it at once and never retries a create')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'How to send the key: auto (the api-key header for Azure OpenAI hosts, else a bearer token), bearer (Authorization: Bearer, also for a Microsoft Entra token on Azure), or api-key (Azure''s api-key header)')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file (first line; the rest is ignored)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization id sent as OpenAI-Organization')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id sent as OpenAI-Project')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Your app''s token route, as your frontend calls it (e.g. http://localhost:3000/api/token): the key check judges what it returns (an ek_ client secret at `value`, its expiry, never a standard key), and sdp/datachannel use its secret for /v1/realtime/calls, as the page does')
            [CompletionResult]::new('--app-header', '--app-header', [CompletionResultType]::ParameterName, 'An extra header for your app''s routes (--via, --token-url), repeatable, e.g. ''Cookie: session=...'' as your logged-in frontend sends it. Its value is never printed')
            [CompletionResult]::new('--via-header', '--via-header', [CompletionResultType]::ParameterName, 'An extra header for your app''s routes (--via, --token-url), repeatable, e.g. ''Cookie: session=...'' as your logged-in frontend sends it. Its value is never printed')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway''s private CA, a TURN server''s certificate): for the API and for stuns:/turns: servers')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check''s --help)')
            [CompletionResult]::new('--api-key-stdin', '--api-key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from standard input')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Send the key over plain http:// to a host that is not this machine (a gateway on a network you trust). Without it such a base URL is refused before any request; with it the report warns')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--redact-ips', '--redact-ips', [CompletionResultType]::ParameterName, 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;stun' {
            [CompletionResult]::new('--stun', '--stun', [CompletionResultType]::ParameterName, 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default for the stun check: well-known public servers; the WebRTC checks use none unless given, as OpenAI''s SDKs do')
            [CompletionResult]::new('--turn', '--turn', [CompletionResultType]::ParameterName, 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port')
            [CompletionResult]::new('--turn-username', '--turn-username', [CompletionResultType]::ParameterName, 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)')
            [CompletionResult]::new('--turn-credential', '--turn-credential', [CompletionResultType]::ParameterName, 'TURN password (never printed)')
            [CompletionResult]::new('--turn-secret', '--turn-secret', [CompletionResultType]::ParameterName, 'TURN REST shared secret (coturn''s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway''s private CA, a TURN server''s certificate): for the API and for stuns:/turns: servers')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check''s --help)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--redact-ips', '--redact-ips', [CompletionResultType]::ParameterName, 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;turn' {
            [CompletionResult]::new('--stun', '--stun', [CompletionResultType]::ParameterName, 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default for the stun check: well-known public servers; the WebRTC checks use none unless given, as OpenAI''s SDKs do')
            [CompletionResult]::new('--turn', '--turn', [CompletionResultType]::ParameterName, 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port')
            [CompletionResult]::new('--turn-username', '--turn-username', [CompletionResultType]::ParameterName, 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)')
            [CompletionResult]::new('--turn-credential', '--turn-credential', [CompletionResultType]::ParameterName, 'TURN password (never printed)')
            [CompletionResult]::new('--turn-secret', '--turn-secret', [CompletionResultType]::ParameterName, 'TURN REST shared secret (coturn''s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway''s private CA, a TURN server''s certificate): for the API and for stuns:/turns: servers')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check''s --help)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--redact-ips', '--redact-ips', [CompletionResultType]::ParameterName, 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;mic' {
            [CompletionResult]::new('--device', '--device', [CompletionResultType]::ParameterName, 'Microphone to test: its ALSA name as `arecord -L` lists it (e.g. pulse, hw:CARD=USB), or a substring of its description (see the `devices` evidence). Default: the system''s default input')
            [CompletionResult]::new('--seconds', '--seconds', [CompletionResultType]::ParameterName, 'Microphone capture window')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway''s private CA, a TURN server''s certificate): for the API and for stuns:/turns: servers')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check''s --help)')
            [CompletionResult]::new('--require-mic', '--require-mic', [CompletionResultType]::ParameterName, 'Fail (instead of skip) when there is no usable microphone')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--redact-ips', '--redact-ips', [CompletionResultType]::ParameterName, 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;sdp' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to check: a Realtime model, or a GPT-Live model (gpt-live-1, gpt-live-1.1). On Azure OpenAI, the deployment name. [default: gpt-realtime; gpt-live-1 with --api live]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which voice API your app uses. live: GPT-Live (POST /v1/live/sessions); realtime: the Realtime API (client secrets and /v1/realtime/calls); beta: the Realtime API''s retired beta endpoints; auto: live for a gpt-live-* model, else realtime (and, when the endpoint fails as one that predates the GA Realtime API does, a beta probe to say so). Each GPT-Live check creates a real session, which OpenAI bills 15 s of voice while it starts; the check closes it at once and never retries a create')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'How to send the key: auto (the api-key header for Azure OpenAI hosts, else a bearer token), bearer (Authorization: Bearer, also for a Microsoft Entra token on Azure), or api-key (Azure''s api-key header)')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file (first line; the rest is ignored)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization id sent as OpenAI-Organization')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id sent as OpenAI-Project')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Your app''s token route, as your frontend calls it (e.g. http://localhost:3000/api/token): the key check judges what it returns (an ek_ client secret at `value`, its expiry, never a standard key), and sdp/datachannel use its secret for /v1/realtime/calls, as the page does')
            [CompletionResult]::new('--app-header', '--app-header', [CompletionResultType]::ParameterName, 'An extra header for your app''s routes (--via, --token-url), repeatable, e.g. ''Cookie: session=...'' as your logged-in frontend sends it. Its value is never printed')
            [CompletionResult]::new('--via-header', '--via-header', [CompletionResultType]::ParameterName, 'An extra header for your app''s routes (--via, --token-url), repeatable, e.g. ''Cookie: session=...'' as your logged-in frontend sends it. Its value is never printed')
            [CompletionResult]::new('--stun', '--stun', [CompletionResultType]::ParameterName, 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default for the stun check: well-known public servers; the WebRTC checks use none unless given, as OpenAI''s SDKs do')
            [CompletionResult]::new('--turn', '--turn', [CompletionResultType]::ParameterName, 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port')
            [CompletionResult]::new('--turn-username', '--turn-username', [CompletionResultType]::ParameterName, 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)')
            [CompletionResult]::new('--turn-credential', '--turn-credential', [CompletionResultType]::ParameterName, 'TURN password (never printed)')
            [CompletionResult]::new('--turn-secret', '--turn-secret', [CompletionResultType]::ParameterName, 'TURN REST shared secret (coturn''s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed')
            [CompletionResult]::new('--ice-transport-policy', '--ice-transport-policy', [CompletionResultType]::ParameterName, 'ICE transport policy: all candidates, or relay (TURN) only')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'Send the offer to your app''s own backend route, exactly as your frontend does (e.g. http://localhost:3000/api/session), instead of to OpenAI: the backend holds the key')
            [CompletionResult]::new('--via-shape', '--via-shape', [CompletionResultType]::ParameterName, 'The body your backend route expects: the raw SDP (application/sdp), JSON {"sdp": ...}, or JSON {"offer": {"type": "offer", "sdp": ...}}; auto tries them in that order while the route refuses the shape (400, 415, 422)')
            [CompletionResult]::new('--origin', '--origin', [CompletionResultType]::ParameterName, 'The origin your page is served from, when it is not the --via route''s own (e.g. http://localhost:5173 for a dev server in front of an API on :3000): the route is then checked as a browser would, with a CORS preflight and Access-Control-Allow-Origin')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Local IP address for the peer''s sockets (default: every interface; loopback when the base URL is loopback)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway''s private CA, a TURN server''s certificate): for the API and for stuns:/turns: servers')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check''s --help)')
            [CompletionResult]::new('--api-key-stdin', '--api-key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from standard input')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Send the key over plain http:// to a host that is not this machine (a gateway on a network you trust). Without it such a base URL is refused before any request; with it the report warns')
            [CompletionResult]::new('--unified', '--unified', [CompletionResultType]::ParameterName, 'Send the offer the "unified interface" way: multipart/form-data with `sdp` and `session`, authenticated with the standard key (as a server does), instead of minting an ek_ secret')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--redact-ips', '--redact-ips', [CompletionResultType]::ParameterName, 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;datachannel' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to check: a Realtime model, or a GPT-Live model (gpt-live-1, gpt-live-1.1). On Azure OpenAI, the deployment name. [default: gpt-realtime; gpt-live-1 with --api live]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which voice API your app uses. live: GPT-Live (POST /v1/live/sessions); realtime: the Realtime API (client secrets and /v1/realtime/calls); beta: the Realtime API''s retired beta endpoints; auto: live for a gpt-live-* model, else realtime (and, when the endpoint fails as one that predates the GA Realtime API does, a beta probe to say so). Each GPT-Live check creates a real session, which OpenAI bills 15 s of voice while it starts; the check closes it at once and never retries a create')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'How to send the key: auto (the api-key header for Azure OpenAI hosts, else a bearer token), bearer (Authorization: Bearer, also for a Microsoft Entra token on Azure), or api-key (Azure''s api-key header)')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file (first line; the rest is ignored)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization id sent as OpenAI-Organization')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id sent as OpenAI-Project')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Your app''s token route, as your frontend calls it (e.g. http://localhost:3000/api/token): the key check judges what it returns (an ek_ client secret at `value`, its expiry, never a standard key), and sdp/datachannel use its secret for /v1/realtime/calls, as the page does')
            [CompletionResult]::new('--app-header', '--app-header', [CompletionResultType]::ParameterName, 'An extra header for your app''s routes (--via, --token-url), repeatable, e.g. ''Cookie: session=...'' as your logged-in frontend sends it. Its value is never printed')
            [CompletionResult]::new('--via-header', '--via-header', [CompletionResultType]::ParameterName, 'An extra header for your app''s routes (--via, --token-url), repeatable, e.g. ''Cookie: session=...'' as your logged-in frontend sends it. Its value is never printed')
            [CompletionResult]::new('--stun', '--stun', [CompletionResultType]::ParameterName, 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default for the stun check: well-known public servers; the WebRTC checks use none unless given, as OpenAI''s SDKs do')
            [CompletionResult]::new('--turn', '--turn', [CompletionResultType]::ParameterName, 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port')
            [CompletionResult]::new('--turn-username', '--turn-username', [CompletionResultType]::ParameterName, 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)')
            [CompletionResult]::new('--turn-credential', '--turn-credential', [CompletionResultType]::ParameterName, 'TURN password (never printed)')
            [CompletionResult]::new('--turn-secret', '--turn-secret', [CompletionResultType]::ParameterName, 'TURN REST shared secret (coturn''s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed')
            [CompletionResult]::new('--ice-transport-policy', '--ice-transport-policy', [CompletionResultType]::ParameterName, 'ICE transport policy: all candidates, or relay (TURN) only')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'Send the offer to your app''s own backend route, exactly as your frontend does (e.g. http://localhost:3000/api/session), instead of to OpenAI: the backend holds the key')
            [CompletionResult]::new('--via-shape', '--via-shape', [CompletionResultType]::ParameterName, 'The body your backend route expects: the raw SDP (application/sdp), JSON {"sdp": ...}, or JSON {"offer": {"type": "offer", "sdp": ...}}; auto tries them in that order while the route refuses the shape (400, 415, 422)')
            [CompletionResult]::new('--origin', '--origin', [CompletionResultType]::ParameterName, 'The origin your page is served from, when it is not the --via route''s own (e.g. http://localhost:5173 for a dev server in front of an API on :3000): the route is then checked as a browser would, with a CORS preflight and Access-Control-Allow-Origin')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Local IP address for the peer''s sockets (default: every interface; loopback when the base URL is loopback)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway''s private CA, a TURN server''s certificate): for the API and for stuns:/turns: servers')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check''s --help)')
            [CompletionResult]::new('--api-key-stdin', '--api-key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from standard input')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Send the key over plain http:// to a host that is not this machine (a gateway on a network you trust). Without it such a base URL is refused before any request; with it the report warns')
            [CompletionResult]::new('--unified', '--unified', [CompletionResultType]::ParameterName, 'Send the offer the "unified interface" way: multipart/form-data with `sdp` and `session`, authenticated with the standard key (as a server does), instead of minting an ek_ secret')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--redact-ips', '--redact-ips', [CompletionResultType]::ParameterName, 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;voice' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to check: a Realtime model, or a GPT-Live model (gpt-live-1, gpt-live-1.1). On Azure OpenAI, the deployment name. [default: gpt-realtime; gpt-live-1 with --api live]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which voice API your app uses. live: GPT-Live (POST /v1/live/sessions); realtime: the Realtime API (client secrets and /v1/realtime/calls); beta: the Realtime API''s retired beta endpoints; auto: live for a gpt-live-* model, else realtime (and, when the endpoint fails as one that predates the GA Realtime API does, a beta probe to say so). Each GPT-Live check creates a real session, which OpenAI bills 15 s of voice while it starts; the check closes it at once and never retries a create')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'How to send the key: auto (the api-key header for Azure OpenAI hosts, else a bearer token), bearer (Authorization: Bearer, also for a Microsoft Entra token on Azure), or api-key (Azure''s api-key header)')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file (first line; the rest is ignored)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization id sent as OpenAI-Organization')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id sent as OpenAI-Project')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Your app''s token route, as your frontend calls it (e.g. http://localhost:3000/api/token): the key check judges what it returns (an ek_ client secret at `value`, its expiry, never a standard key), and sdp/datachannel use its secret for /v1/realtime/calls, as the page does')
            [CompletionResult]::new('--app-header', '--app-header', [CompletionResultType]::ParameterName, 'An extra header for your app''s routes (--via, --token-url), repeatable, e.g. ''Cookie: session=...'' as your logged-in frontend sends it. Its value is never printed')
            [CompletionResult]::new('--via-header', '--via-header', [CompletionResultType]::ParameterName, 'An extra header for your app''s routes (--via, --token-url), repeatable, e.g. ''Cookie: session=...'' as your logged-in frontend sends it. Its value is never printed')
            [CompletionResult]::new('--stun', '--stun', [CompletionResultType]::ParameterName, 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default for the stun check: well-known public servers; the WebRTC checks use none unless given, as OpenAI''s SDKs do')
            [CompletionResult]::new('--turn', '--turn', [CompletionResultType]::ParameterName, 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port')
            [CompletionResult]::new('--turn-username', '--turn-username', [CompletionResultType]::ParameterName, 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)')
            [CompletionResult]::new('--turn-credential', '--turn-credential', [CompletionResultType]::ParameterName, 'TURN password (never printed)')
            [CompletionResult]::new('--turn-secret', '--turn-secret', [CompletionResultType]::ParameterName, 'TURN REST shared secret (coturn''s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed')
            [CompletionResult]::new('--ice-transport-policy', '--ice-transport-policy', [CompletionResultType]::ParameterName, 'ICE transport policy: all candidates, or relay (TURN) only')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'Send the offer to your app''s own backend route, exactly as your frontend does (e.g. http://localhost:3000/api/session), instead of to OpenAI: the backend holds the key')
            [CompletionResult]::new('--via-shape', '--via-shape', [CompletionResultType]::ParameterName, 'The body your backend route expects: the raw SDP (application/sdp), JSON {"sdp": ...}, or JSON {"offer": {"type": "offer", "sdp": ...}}; auto tries them in that order while the route refuses the shape (400, 415, 422)')
            [CompletionResult]::new('--origin', '--origin', [CompletionResultType]::ParameterName, 'The origin your page is served from, when it is not the --via route''s own (e.g. http://localhost:5173 for a dev server in front of an API on :3000): the route is then checked as a browser would, with a CORS preflight and Access-Control-Allow-Origin')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Local IP address for the peer''s sockets (default: every interface; loopback when the base URL is loopback)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway''s private CA, a TURN server''s certificate): for the API and for stuns:/turns: servers')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check''s --help)')
            [CompletionResult]::new('--api-key-stdin', '--api-key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from standard input')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Send the key over plain http:// to a host that is not this machine (a gateway on a network you trust). Without it such a base URL is refused before any request; with it the report warns')
            [CompletionResult]::new('--unified', '--unified', [CompletionResultType]::ParameterName, 'Send the offer the "unified interface" way: multipart/form-data with `sdp` and `session`, authenticated with the standard key (as a server does), instead of minting an ek_ secret')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--redact-ips', '--redact-ips', [CompletionResultType]::ParameterName, 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;browser-mic' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to check: a Realtime model, or a GPT-Live model (gpt-live-1, gpt-live-1.1). On Azure OpenAI, the deployment name. [default: gpt-realtime; gpt-live-1 with --api live]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which voice API your app uses. live: GPT-Live (POST /v1/live/sessions); realtime: the Realtime API (client secrets and /v1/realtime/calls); beta: the Realtime API''s retired beta endpoints; auto: live for a gpt-live-* model, else realtime (and, when the endpoint fails as one that predates the GA Realtime API does, a beta probe to say so). Each GPT-Live check creates a real session, which OpenAI bills 15 s of voice while it starts; the check closes it at once and never retries a create')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'How to send the key: auto (the api-key header for Azure OpenAI hosts, else a bearer token), bearer (Authorization: Bearer, also for a Microsoft Entra token on Azure), or api-key (Azure''s api-key header)')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file (first line; the rest is ignored)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization id sent as OpenAI-Organization')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id sent as OpenAI-Project')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Your app''s token route, as your frontend calls it (e.g. http://localhost:3000/api/token): the key check judges what it returns (an ek_ client secret at `value`, its expiry, never a standard key), and sdp/datachannel use its secret for /v1/realtime/calls, as the page does')
            [CompletionResult]::new('--app-header', '--app-header', [CompletionResultType]::ParameterName, 'An extra header for your app''s routes (--via, --token-url), repeatable, e.g. ''Cookie: session=...'' as your logged-in frontend sends it. Its value is never printed')
            [CompletionResult]::new('--via-header', '--via-header', [CompletionResultType]::ParameterName, 'An extra header for your app''s routes (--via, --token-url), repeatable, e.g. ''Cookie: session=...'' as your logged-in frontend sends it. Its value is never printed')
            [CompletionResult]::new('--stun', '--stun', [CompletionResultType]::ParameterName, 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default for the stun check: well-known public servers; the WebRTC checks use none unless given, as OpenAI''s SDKs do')
            [CompletionResult]::new('--turn', '--turn', [CompletionResultType]::ParameterName, 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port')
            [CompletionResult]::new('--turn-username', '--turn-username', [CompletionResultType]::ParameterName, 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)')
            [CompletionResult]::new('--turn-credential', '--turn-credential', [CompletionResultType]::ParameterName, 'TURN password (never printed)')
            [CompletionResult]::new('--turn-secret', '--turn-secret', [CompletionResultType]::ParameterName, 'TURN REST shared secret (coturn''s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed')
            [CompletionResult]::new('--ice-transport-policy', '--ice-transport-policy', [CompletionResultType]::ParameterName, 'ICE transport policy: all candidates, or relay (TURN) only')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'Send the offer to your app''s own backend route, exactly as your frontend does (e.g. http://localhost:3000/api/session), instead of to OpenAI: the backend holds the key')
            [CompletionResult]::new('--via-shape', '--via-shape', [CompletionResultType]::ParameterName, 'The body your backend route expects: the raw SDP (application/sdp), JSON {"sdp": ...}, or JSON {"offer": {"type": "offer", "sdp": ...}}; auto tries them in that order while the route refuses the shape (400, 415, 422)')
            [CompletionResult]::new('--origin', '--origin', [CompletionResultType]::ParameterName, 'The origin your page is served from, when it is not the --via route''s own (e.g. http://localhost:5173 for a dev server in front of an API on :3000): the route is then checked as a browser would, with a CORS preflight and Access-Control-Allow-Origin')
            [CompletionResult]::new('--launch', '--launch', [CompletionResultType]::ParameterName, 'Open the page in this browser: chromium (Chromium, Chrome or Edge), firefox, or default (the system''s default browser). Without it the URL is printed, and the check waits for you to open it in the browser your app runs in')
            [CompletionResult]::new('--browser-path', '--browser-path', [CompletionResultType]::ParameterName, 'The browser''s executable, when it is not on PATH under its usual names')
            [CompletionResult]::new('--browser-arg', '--browser-arg', [CompletionResultType]::ParameterName, 'An extra command-line argument for the launched browser (repeatable), e.g. --browser-arg=--proxy-server=http://proxy:3128')
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Where the page is served [default: 127.0.0.1 on a free port]. Browsers allow the microphone only in a secure context: http://127.0.0.1 and http://localhost are, another address over plain http is not')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway''s private CA, a TURN server''s certificate): for the API and for stuns:/turns: servers')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check''s --help)')
            [CompletionResult]::new('--api-key-stdin', '--api-key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from standard input')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Send the key over plain http:// to a host that is not this machine (a gateway on a network you trust). Without it such a base URL is refused before any request; with it the report warns')
            [CompletionResult]::new('--headless', '--headless', [CompletionResultType]::ParameterName, 'Run the launched browser headless, with a fake microphone and the permission granted (for CI): the page then checks the network path and the browser''s WebRTC, not your microphone')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--redact-ips', '--redact-ips', [CompletionResultType]::ParameterName, 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;browser-webrtc' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to check: a Realtime model, or a GPT-Live model (gpt-live-1, gpt-live-1.1). On Azure OpenAI, the deployment name. [default: gpt-realtime; gpt-live-1 with --api live]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which voice API your app uses. live: GPT-Live (POST /v1/live/sessions); realtime: the Realtime API (client secrets and /v1/realtime/calls); beta: the Realtime API''s retired beta endpoints; auto: live for a gpt-live-* model, else realtime (and, when the endpoint fails as one that predates the GA Realtime API does, a beta probe to say so). Each GPT-Live check creates a real session, which OpenAI bills 15 s of voice while it starts; the check closes it at once and never retries a create')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'How to send the key: auto (the api-key header for Azure OpenAI hosts, else a bearer token), bearer (Authorization: Bearer, also for a Microsoft Entra token on Azure), or api-key (Azure''s api-key header)')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file (first line; the rest is ignored)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization id sent as OpenAI-Organization')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id sent as OpenAI-Project')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Your app''s token route, as your frontend calls it (e.g. http://localhost:3000/api/token): the key check judges what it returns (an ek_ client secret at `value`, its expiry, never a standard key), and sdp/datachannel use its secret for /v1/realtime/calls, as the page does')
            [CompletionResult]::new('--app-header', '--app-header', [CompletionResultType]::ParameterName, 'An extra header for your app''s routes (--via, --token-url), repeatable, e.g. ''Cookie: session=...'' as your logged-in frontend sends it. Its value is never printed')
            [CompletionResult]::new('--via-header', '--via-header', [CompletionResultType]::ParameterName, 'An extra header for your app''s routes (--via, --token-url), repeatable, e.g. ''Cookie: session=...'' as your logged-in frontend sends it. Its value is never printed')
            [CompletionResult]::new('--stun', '--stun', [CompletionResultType]::ParameterName, 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default for the stun check: well-known public servers; the WebRTC checks use none unless given, as OpenAI''s SDKs do')
            [CompletionResult]::new('--turn', '--turn', [CompletionResultType]::ParameterName, 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port')
            [CompletionResult]::new('--turn-username', '--turn-username', [CompletionResultType]::ParameterName, 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)')
            [CompletionResult]::new('--turn-credential', '--turn-credential', [CompletionResultType]::ParameterName, 'TURN password (never printed)')
            [CompletionResult]::new('--turn-secret', '--turn-secret', [CompletionResultType]::ParameterName, 'TURN REST shared secret (coturn''s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed')
            [CompletionResult]::new('--ice-transport-policy', '--ice-transport-policy', [CompletionResultType]::ParameterName, 'ICE transport policy: all candidates, or relay (TURN) only')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'Send the offer to your app''s own backend route, exactly as your frontend does (e.g. http://localhost:3000/api/session), instead of to OpenAI: the backend holds the key')
            [CompletionResult]::new('--via-shape', '--via-shape', [CompletionResultType]::ParameterName, 'The body your backend route expects: the raw SDP (application/sdp), JSON {"sdp": ...}, or JSON {"offer": {"type": "offer", "sdp": ...}}; auto tries them in that order while the route refuses the shape (400, 415, 422)')
            [CompletionResult]::new('--origin', '--origin', [CompletionResultType]::ParameterName, 'The origin your page is served from, when it is not the --via route''s own (e.g. http://localhost:5173 for a dev server in front of an API on :3000): the route is then checked as a browser would, with a CORS preflight and Access-Control-Allow-Origin')
            [CompletionResult]::new('--launch', '--launch', [CompletionResultType]::ParameterName, 'Open the page in this browser: chromium (Chromium, Chrome or Edge), firefox, or default (the system''s default browser). Without it the URL is printed, and the check waits for you to open it in the browser your app runs in')
            [CompletionResult]::new('--browser-path', '--browser-path', [CompletionResultType]::ParameterName, 'The browser''s executable, when it is not on PATH under its usual names')
            [CompletionResult]::new('--browser-arg', '--browser-arg', [CompletionResultType]::ParameterName, 'An extra command-line argument for the launched browser (repeatable), e.g. --browser-arg=--proxy-server=http://proxy:3128')
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Where the page is served [default: 127.0.0.1 on a free port]. Browsers allow the microphone only in a secure context: http://127.0.0.1 and http://localhost are, another address over plain http is not')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway''s private CA, a TURN server''s certificate): for the API and for stuns:/turns: servers')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check''s --help)')
            [CompletionResult]::new('--api-key-stdin', '--api-key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from standard input')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Send the key over plain http:// to a host that is not this machine (a gateway on a network you trust). Without it such a base URL is refused before any request; with it the report warns')
            [CompletionResult]::new('--headless', '--headless', [CompletionResultType]::ParameterName, 'Run the launched browser headless, with a fake microphone and the permission granted (for CI): the page then checks the network path and the browser''s WebRTC, not your microphone')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--redact-ips', '--redact-ips', [CompletionResultType]::ParameterName, 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;selftest' {
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Leave a check out (repeatable, or comma-separated): it is reported as SKIP')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (repeatable, or comma-separated); the others are reported as SKIP')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Only this API [default: GPT-Live, then the Realtime API]. A machine-readable report (--format other than human, --output, --bundle) holds one API: give it then')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway''s private CA, a TURN server''s certificate): for the API and for stuns:/turns: servers')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check''s --help)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--redact-ips', '--redact-ips', [CompletionResultType]::ParameterName, 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;completions' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway''s private CA, a TURN server''s certificate): for the API and for stuns:/turns: servers')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check''s --help)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--redact-ips', '--redact-ips', [CompletionResultType]::ParameterName, 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;report' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway''s private CA, a TURN server''s certificate): for the API and for stuns:/turns: servers')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check''s --help)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--redact-ips', '--redact-ips', [CompletionResultType]::ParameterName, 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Render a saved JSON report (from --output or --format json) or support bundle in any format')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'realtime-doctor;report;show' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway''s private CA, a TURN server''s certificate): for the API and for stuns:/turns: servers')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check''s --help)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--redact-ips', '--redact-ips', [CompletionResultType]::ParameterName, 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;report;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Render a saved JSON report (from --output or --format json) or support bundle in any format')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'realtime-doctor;report;help;show' {
            break
        }
        'realtime-doctor;report;help;help' {
            break
        }
        'realtime-doctor;analyze' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway''s private CA, a TURN server''s certificate): for the API and for stuns:/turns: servers')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check''s --help)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--redact-ips', '--redact-ips', [CompletionResultType]::ParameterName, 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;man' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway''s private CA, a TURN server''s certificate): for the API and for stuns:/turns: servers')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check''s --help)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--redact-ips', '--redact-ips', [CompletionResultType]::ParameterName, 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;fake-server' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on (IP:PORT)')
            [CompletionResult]::new('--accept-key', '--accept-key', [CompletionResultType]::ParameterName, 'The standard key the server accepts')
            [CompletionResult]::new('--media', '--media', [CompletionResultType]::ParameterName, 'Answer calls from this address, on UDP 3478 and TCP 443 as OpenAI''s media servers do')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'A fault to inject (repeatable; see examples/fake_realtime_server.rs for the list)')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Serve https:// with this certificate chain (PEM; with --tls-key)')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'The private key of --tls-cert (PEM)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway''s private CA, a TURN server''s certificate): for the API and for stuns:/turns: servers')
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check''s --help)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--redact-ips', '--redact-ips', [CompletionResultType]::ParameterName, 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;help' {
            [CompletionResult]::new('check-all', 'check-all', [CompletionResultType]::ParameterValue, 'Run every check (concurrently where they are independent) and give one verdict')
            [CompletionResult]::new('browser', 'browser', [CompletionResultType]::ParameterValue, 'Run the microphone and call checks in a browser: the page a correct voice app is, served from this machine')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'Check the API key, the way to the API, model access and (Realtime) client secrets')
            [CompletionResult]::new('stun', 'stun', [CompletionResultType]::ParameterValue, 'Check STUN reachability and NAT behaviour (RFC 8489, RFC 5780)')
            [CompletionResult]::new('turn', 'turn', [CompletionResultType]::ParameterValue, 'Check TURN allocation and that the relay really relays (RFC 8656)')
            [CompletionResult]::new('mic', 'mic', [CompletionResultType]::ParameterValue, 'Check microphone capture: the device, its format and its level')
            [CompletionResult]::new('sdp', 'sdp', [CompletionResultType]::ParameterValue, 'Check the SDP round trip (/v1/realtime/calls, or /v1/live/sessions for GPT-Live), and which answer candidates answer')
            [CompletionResult]::new('datachannel', 'datachannel', [CompletionResultType]::ParameterValue, 'Check that oai-events opens and the session''s first events arrive, each phase timed')
            [CompletionResult]::new('voice', 'voice', [CompletionResultType]::ParameterValue, 'Say a built-in utterance on the call''s audio track and check that the model hears it and its reply plays: time to first audio, the reply''s level and length, the turn''s usage')
            [CompletionResult]::new('browser-mic', 'browser-mic', [CompletionResultType]::ParameterValue, 'Check the microphone in a browser: the site''s permission, the device list, getUserMedia and the level, as your voice app''s page gets them')
            [CompletionResult]::new('browser-webrtc', 'browser-webrtc', [CompletionResultType]::ParameterValue, 'Check a call from a browser: the page''s offer through this tool (or your --via route), ICE as the browser does it, the data channel and the first event')
            [CompletionResult]::new('selftest', 'selftest', [CompletionResultType]::ParameterValue, 'Run check-all against built-in local servers, for both voice APIs: no key and no internet needed')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Work with saved reports and support bundles')
            [CompletionResult]::new('analyze', 'analyze', [CompletionResultType]::ParameterValue, 'Diagnose what a user sends: a chrome://webrtc-internals dump, a HAR file from the browser''s Network tab, an SDP offer and/or answer, or a saved report or support bundle; the same verdict and fixes as a run')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('fake-server', 'fake-server', [CompletionResultType]::ParameterValue, 'Serve the fake Realtime API (for the network lab; examples/fake_realtime_server.rs is the documented way to run it by hand)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'realtime-doctor;help;check-all' {
            break
        }
        'realtime-doctor;help;browser' {
            break
        }
        'realtime-doctor;help;key' {
            break
        }
        'realtime-doctor;help;stun' {
            break
        }
        'realtime-doctor;help;turn' {
            break
        }
        'realtime-doctor;help;mic' {
            break
        }
        'realtime-doctor;help;sdp' {
            break
        }
        'realtime-doctor;help;datachannel' {
            break
        }
        'realtime-doctor;help;voice' {
            break
        }
        'realtime-doctor;help;browser-mic' {
            break
        }
        'realtime-doctor;help;browser-webrtc' {
            break
        }
        'realtime-doctor;help;selftest' {
            break
        }
        'realtime-doctor;help;completions' {
            break
        }
        'realtime-doctor;help;report' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Render a saved JSON report (from --output or --format json) or support bundle in any format')
            break
        }
        'realtime-doctor;help;report;show' {
            break
        }
        'realtime-doctor;help;analyze' {
            break
        }
        'realtime-doctor;help;man' {
            break
        }
        'realtime-doctor;help;fake-server' {
            break
        }
        'realtime-doctor;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
