# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_realtime_doctor_global_optspecs
    string join \n format= o/output= color= deadline= strict q/quiet v/verbose ca-cert= bundle= redact-ips timeout= h/help V/version
end

function __fish_realtime_doctor_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_realtime_doctor_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_realtime_doctor_using_subcommand
    set -l cmd (__fish_realtime_doctor_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -l format -d 'Output format on standard output' -r -f -a "human\t''
json\t''
junit\t''
github\t'GitHub Actions workflow-command annotations'"
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -s o -l output -d 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -l deadline -d 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -l ca-cert -d 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway\'s private CA, a TURN server\'s certificate): for the API and for stuns:/turns: servers' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -l bundle -d 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -l timeout -d 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check\'s --help)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -l strict -d 'Treat warnings as failures (exit code 1)'
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -s q -l quiet -d 'One line per check and the summary; evidence only for problems'
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -s v -l verbose -d 'Print every piece of evidence, not only the key facts'
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -l redact-ips -d 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)'
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -s V -l version -d 'Print version'
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -f -a "check-all" -d 'Run every check (concurrently where they are independent) and give one verdict'
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -f -a "browser" -d 'Run the microphone and call checks in a browser: the page a correct voice app is, served from this machine'
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -f -a "key" -d 'Check the API key, the way to the API, model access and (Realtime) client secrets'
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -f -a "stun" -d 'Check STUN reachability and NAT behaviour (RFC 8489, RFC 5780)'
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -f -a "turn" -d 'Check TURN allocation and that the relay really relays (RFC 8656)'
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -f -a "mic" -d 'Check microphone capture: the device, its format and its level'
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -f -a "sdp" -d 'Check the SDP round trip (/v1/realtime/calls, or /v1/live/sessions for GPT-Live), and which answer candidates answer'
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -f -a "datachannel" -d 'Check that oai-events opens and the session\'s first events arrive, each phase timed'
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -f -a "voice" -d 'Say a built-in utterance on the call\'s audio track and check that the model hears it and its reply plays: time to first audio, the reply\'s level and length, the turn\'s usage'
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -f -a "browser-mic" -d 'Check the microphone in a browser: the site\'s permission, the device list, getUserMedia and the level, as your voice app\'s page gets them'
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -f -a "browser-webrtc" -d 'Check a call from a browser: the page\'s offer through this tool (or your --via route), ICE as the browser does it, the data channel and the first event'
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -f -a "selftest" -d 'Run check-all against built-in local servers, for both voice APIs: no key and no internet needed'
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -f -a "report" -d 'Work with saved reports and support bundles'
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -f -a "analyze" -d 'Diagnose what a user sends: a chrome://webrtc-internals dump, a HAR file from the browser\'s Network tab, an SDP offer and/or answer, or a saved report or support bundle; the same verdict and fixes as a run'
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -f -a "man" -d 'Print the man page (roff)'
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -f -a "fake-server" -d 'Serve the fake Realtime API (for the network lab; examples/fake_realtime_server.rs is the documented way to run it by hand)'
complete -c realtime-doctor -n "__fish_realtime_doctor_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l base-url -d 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l model -d 'Model to check: a Realtime model, or a GPT-Live model (gpt-live-1, gpt-live-1.1). On Azure OpenAI, the deployment name. [default: gpt-realtime; gpt-live-1 with --api live]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l api -d 'Which voice API your app uses. live: GPT-Live (POST /v1/live/sessions); realtime: the Realtime API (client secrets and /v1/realtime/calls); beta: the Realtime API\'s retired beta endpoints; auto: live for a gpt-live-* model, else realtime (and, when the endpoint fails as one that predates the GA Realtime API does, a beta probe to say so). Each GPT-Live check creates a real session, which OpenAI bills 15 s of voice while it starts; the check closes it at once and never retries a create' -r -f -a "auto\t'GPT-Live for a gpt-live-* model; otherwise the Realtime API, GA first, then beta when GA fails as an old gateway does, to say which generation works'
live\t'GPT-Live: POST /v1/live/sessions with the standard key, no client secrets'
realtime\t'The Realtime API\'s GA endpoints only (/v1/realtime/client_secrets, /v1/realtime/calls)'
beta\t'Only the Realtime API\'s retired beta endpoints (/v1/realtime/sessions, OpenAI-Beta: realtime=v1)'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l auth -d 'How to send the key: auto (the api-key header for Azure OpenAI hosts, else a bearer token), bearer (Authorization: Bearer, also for a Microsoft Entra token on Azure), or api-key (Azure\'s api-key header)' -r -f -a "auto\t'The api-key header for Azure OpenAI hosts (*.openai.azure.com, *.cognitiveservices.azure.com, *.services.ai.azure.com), a bearer token elsewhere'
bearer\t'Authorization: Bearer (OpenAI keys; Microsoft Entra tokens on Azure)'
api-key\t'Azure OpenAI\'s api-key header'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l api-key-file -d 'Read the API key from this file (first line; the rest is ignored)' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l organization -d 'Organization id sent as OpenAI-Organization' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l project -d 'Project id sent as OpenAI-Project' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l token-url -d 'Your app\'s token route, as your frontend calls it (e.g. http://localhost:3000/api/token): the key check judges what it returns (an ek_ client secret at `value`, its expiry, never a standard key), and sdp/datachannel use its secret for /v1/realtime/calls, as the page does' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l app-header -l via-header -d 'An extra header for your app\'s routes (--via, --token-url), repeatable, e.g. \'Cookie: session=...\' as your logged-in frontend sends it. Its value is never printed' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l stun -d 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default for the stun check: well-known public servers; the WebRTC checks use none unless given, as OpenAI\'s SDKs do' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l turn -d 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l turn-username -d 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l turn-credential -d 'TURN password (never printed)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l turn-secret -d 'TURN REST shared secret (coturn\'s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l ice-transport-policy -d 'ICE transport policy: all candidates, or relay (TURN) only' -r -f -a "all\t''
relay\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l via -d 'Send the offer to your app\'s own backend route, exactly as your frontend does (e.g. http://localhost:3000/api/session), instead of to OpenAI: the backend holds the key' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l via-shape -d 'The body your backend route expects: the raw SDP (application/sdp), JSON {"sdp": ...}, or JSON {"offer": {"type": "offer", "sdp": ...}}; auto tries them in that order while the route refuses the shape (400, 415, 422)' -r -f -a "auto\t''
sdp\t'`Content-Type: application/sdp`, the offer as the body'
json-sdp\t'`{"sdp": "<offer>"}`'
json-offer\t'`{"offer": {"type": "offer", "sdp": "<offer>"}}`'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l origin -d 'The origin your page is served from, when it is not the --via route\'s own (e.g. http://localhost:5173 for a dev server in front of an API on :3000): the route is then checked as a browser would, with a CORS preflight and Access-Control-Allow-Origin' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l bind -d 'Local IP address for the peer\'s sockets (default: every interface; loopback when the base URL is loopback)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l device -d 'Microphone to test: its ALSA name as `arecord -L` lists it (e.g. pulse, hw:CARD=USB), or a substring of its description (see the `devices` evidence). Default: the system\'s default input' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l seconds -d 'Microphone capture window' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l launch -d 'Open the page in this browser: chromium (Chromium, Chrome or Edge), firefox, or default (the system\'s default browser). Without it the URL is printed, and the check waits for you to open it in the browser your app runs in' -r -f -a "chromium\t'Chromium, Google Chrome or Microsoft Edge (a private profile in a temporary directory)'
firefox\t'Firefox (a private profile in a temporary directory)'
default\t'The system\'s default browser (xdg-open, open, start), with your profile and microphone'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l browser-path -d 'The browser\'s executable, when it is not on PATH under its usual names' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l browser-arg -d 'An extra command-line argument for the launched browser (repeatable), e.g. --browser-arg=--proxy-server=http://proxy:3128' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l listen -d 'Where the page is served [default: 127.0.0.1 on a free port]. Browsers allow the microphone only in a secure context: http://127.0.0.1 and http://localhost are, another address over plain http is not' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l skip -d 'Leave a check out (repeatable, or comma-separated): it is reported as SKIP' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l only -d 'Run only these checks (repeatable, or comma-separated); the others are reported as SKIP' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l format -d 'Output format on standard output' -r -f -a "human\t''
json\t''
junit\t''
github\t'GitHub Actions workflow-command annotations'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -s o -l output -d 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l deadline -d 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l ca-cert -d 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway\'s private CA, a TURN server\'s certificate): for the API and for stuns:/turns: servers' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l bundle -d 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l timeout -d 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check\'s --help)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l api-key-stdin -d 'Read the API key from standard input'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l allow-insecure-http -d 'Send the key over plain http:// to a host that is not this machine (a gateway on a network you trust). Without it such a base URL is refused before any request; with it the report warns'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l unified -d 'Send the offer the "unified interface" way: multipart/form-data with `sdp` and `session`, authenticated with the standard key (as a server does), instead of minting an ek_ secret'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l require-mic -d 'Fail (instead of skip) when there is no usable microphone'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l headless -d 'Run the launched browser headless, with a fake microphone and the permission granted (for CI): the page then checks the network path and the browser\'s WebRTC, not your microphone'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l browser -d 'Also run the checks in a browser (browser-mic, browser-webrtc; see the browser command)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l strict -d 'Treat warnings as failures (exit code 1)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -s q -l quiet -d 'One line per check and the summary; evidence only for problems'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -s v -l verbose -d 'Print every piece of evidence, not only the key facts'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -l redact-ips -d 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand check-all" -s V -l version -d 'Print version'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l base-url -d 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l model -d 'Model to check: a Realtime model, or a GPT-Live model (gpt-live-1, gpt-live-1.1). On Azure OpenAI, the deployment name. [default: gpt-realtime; gpt-live-1 with --api live]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l api -d 'Which voice API your app uses. live: GPT-Live (POST /v1/live/sessions); realtime: the Realtime API (client secrets and /v1/realtime/calls); beta: the Realtime API\'s retired beta endpoints; auto: live for a gpt-live-* model, else realtime (and, when the endpoint fails as one that predates the GA Realtime API does, a beta probe to say so). Each GPT-Live check creates a real session, which OpenAI bills 15 s of voice while it starts; the check closes it at once and never retries a create' -r -f -a "auto\t'GPT-Live for a gpt-live-* model; otherwise the Realtime API, GA first, then beta when GA fails as an old gateway does, to say which generation works'
live\t'GPT-Live: POST /v1/live/sessions with the standard key, no client secrets'
realtime\t'The Realtime API\'s GA endpoints only (/v1/realtime/client_secrets, /v1/realtime/calls)'
beta\t'Only the Realtime API\'s retired beta endpoints (/v1/realtime/sessions, OpenAI-Beta: realtime=v1)'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l auth -d 'How to send the key: auto (the api-key header for Azure OpenAI hosts, else a bearer token), bearer (Authorization: Bearer, also for a Microsoft Entra token on Azure), or api-key (Azure\'s api-key header)' -r -f -a "auto\t'The api-key header for Azure OpenAI hosts (*.openai.azure.com, *.cognitiveservices.azure.com, *.services.ai.azure.com), a bearer token elsewhere'
bearer\t'Authorization: Bearer (OpenAI keys; Microsoft Entra tokens on Azure)'
api-key\t'Azure OpenAI\'s api-key header'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l api-key-file -d 'Read the API key from this file (first line; the rest is ignored)' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l organization -d 'Organization id sent as OpenAI-Organization' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l project -d 'Project id sent as OpenAI-Project' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l token-url -d 'Your app\'s token route, as your frontend calls it (e.g. http://localhost:3000/api/token): the key check judges what it returns (an ek_ client secret at `value`, its expiry, never a standard key), and sdp/datachannel use its secret for /v1/realtime/calls, as the page does' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l app-header -l via-header -d 'An extra header for your app\'s routes (--via, --token-url), repeatable, e.g. \'Cookie: session=...\' as your logged-in frontend sends it. Its value is never printed' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l stun -d 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default for the stun check: well-known public servers; the WebRTC checks use none unless given, as OpenAI\'s SDKs do' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l turn -d 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l turn-username -d 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l turn-credential -d 'TURN password (never printed)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l turn-secret -d 'TURN REST shared secret (coturn\'s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l ice-transport-policy -d 'ICE transport policy: all candidates, or relay (TURN) only' -r -f -a "all\t''
relay\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l via -d 'Send the offer to your app\'s own backend route, exactly as your frontend does (e.g. http://localhost:3000/api/session), instead of to OpenAI: the backend holds the key' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l via-shape -d 'The body your backend route expects: the raw SDP (application/sdp), JSON {"sdp": ...}, or JSON {"offer": {"type": "offer", "sdp": ...}}; auto tries them in that order while the route refuses the shape (400, 415, 422)' -r -f -a "auto\t''
sdp\t'`Content-Type: application/sdp`, the offer as the body'
json-sdp\t'`{"sdp": "<offer>"}`'
json-offer\t'`{"offer": {"type": "offer", "sdp": "<offer>"}}`'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l origin -d 'The origin your page is served from, when it is not the --via route\'s own (e.g. http://localhost:5173 for a dev server in front of an API on :3000): the route is then checked as a browser would, with a CORS preflight and Access-Control-Allow-Origin' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l launch -d 'Open the page in this browser: chromium (Chromium, Chrome or Edge), firefox, or default (the system\'s default browser). Without it the URL is printed, and the check waits for you to open it in the browser your app runs in' -r -f -a "chromium\t'Chromium, Google Chrome or Microsoft Edge (a private profile in a temporary directory)'
firefox\t'Firefox (a private profile in a temporary directory)'
default\t'The system\'s default browser (xdg-open, open, start), with your profile and microphone'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l browser-path -d 'The browser\'s executable, when it is not on PATH under its usual names' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l browser-arg -d 'An extra command-line argument for the launched browser (repeatable), e.g. --browser-arg=--proxy-server=http://proxy:3128' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l listen -d 'Where the page is served [default: 127.0.0.1 on a free port]. Browsers allow the microphone only in a secure context: http://127.0.0.1 and http://localhost are, another address over plain http is not' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l format -d 'Output format on standard output' -r -f -a "human\t''
json\t''
junit\t''
github\t'GitHub Actions workflow-command annotations'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -s o -l output -d 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l deadline -d 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l ca-cert -d 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway\'s private CA, a TURN server\'s certificate): for the API and for stuns:/turns: servers' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l bundle -d 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l timeout -d 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check\'s --help)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l api-key-stdin -d 'Read the API key from standard input'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l allow-insecure-http -d 'Send the key over plain http:// to a host that is not this machine (a gateway on a network you trust). Without it such a base URL is refused before any request; with it the report warns'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l headless -d 'Run the launched browser headless, with a fake microphone and the permission granted (for CI): the page then checks the network path and the browser\'s WebRTC, not your microphone'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l strict -d 'Treat warnings as failures (exit code 1)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -s q -l quiet -d 'One line per check and the summary; evidence only for problems'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -s v -l verbose -d 'Print every piece of evidence, not only the key facts'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -l redact-ips -d 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser" -s V -l version -d 'Print version'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -l base-url -d 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -l model -d 'Model to check: a Realtime model, or a GPT-Live model (gpt-live-1, gpt-live-1.1). On Azure OpenAI, the deployment name. [default: gpt-realtime; gpt-live-1 with --api live]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -l api -d 'Which voice API your app uses. live: GPT-Live (POST /v1/live/sessions); realtime: the Realtime API (client secrets and /v1/realtime/calls); beta: the Realtime API\'s retired beta endpoints; auto: live for a gpt-live-* model, else realtime (and, when the endpoint fails as one that predates the GA Realtime API does, a beta probe to say so). Each GPT-Live check creates a real session, which OpenAI bills 15 s of voice while it starts; the check closes it at once and never retries a create' -r -f -a "auto\t'GPT-Live for a gpt-live-* model; otherwise the Realtime API, GA first, then beta when GA fails as an old gateway does, to say which generation works'
live\t'GPT-Live: POST /v1/live/sessions with the standard key, no client secrets'
realtime\t'The Realtime API\'s GA endpoints only (/v1/realtime/client_secrets, /v1/realtime/calls)'
beta\t'Only the Realtime API\'s retired beta endpoints (/v1/realtime/sessions, OpenAI-Beta: realtime=v1)'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -l auth -d 'How to send the key: auto (the api-key header for Azure OpenAI hosts, else a bearer token), bearer (Authorization: Bearer, also for a Microsoft Entra token on Azure), or api-key (Azure\'s api-key header)' -r -f -a "auto\t'The api-key header for Azure OpenAI hosts (*.openai.azure.com, *.cognitiveservices.azure.com, *.services.ai.azure.com), a bearer token elsewhere'
bearer\t'Authorization: Bearer (OpenAI keys; Microsoft Entra tokens on Azure)'
api-key\t'Azure OpenAI\'s api-key header'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -l api-key-file -d 'Read the API key from this file (first line; the rest is ignored)' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -l organization -d 'Organization id sent as OpenAI-Organization' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -l project -d 'Project id sent as OpenAI-Project' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -l token-url -d 'Your app\'s token route, as your frontend calls it (e.g. http://localhost:3000/api/token): the key check judges what it returns (an ek_ client secret at `value`, its expiry, never a standard key), and sdp/datachannel use its secret for /v1/realtime/calls, as the page does' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -l app-header -l via-header -d 'An extra header for your app\'s routes (--via, --token-url), repeatable, e.g. \'Cookie: session=...\' as your logged-in frontend sends it. Its value is never printed' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -l format -d 'Output format on standard output' -r -f -a "human\t''
json\t''
junit\t''
github\t'GitHub Actions workflow-command annotations'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -s o -l output -d 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -l deadline -d 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -l ca-cert -d 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway\'s private CA, a TURN server\'s certificate): for the API and for stuns:/turns: servers' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -l bundle -d 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -l timeout -d 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check\'s --help)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -l api-key-stdin -d 'Read the API key from standard input'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -l allow-insecure-http -d 'Send the key over plain http:// to a host that is not this machine (a gateway on a network you trust). Without it such a base URL is refused before any request; with it the report warns'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -l strict -d 'Treat warnings as failures (exit code 1)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -s q -l quiet -d 'One line per check and the summary; evidence only for problems'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -s v -l verbose -d 'Print every piece of evidence, not only the key facts'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -l redact-ips -d 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand key" -s V -l version -d 'Print version'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand stun" -l stun -d 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default for the stun check: well-known public servers; the WebRTC checks use none unless given, as OpenAI\'s SDKs do' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand stun" -l turn -d 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand stun" -l turn-username -d 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand stun" -l turn-credential -d 'TURN password (never printed)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand stun" -l turn-secret -d 'TURN REST shared secret (coturn\'s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand stun" -l format -d 'Output format on standard output' -r -f -a "human\t''
json\t''
junit\t''
github\t'GitHub Actions workflow-command annotations'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand stun" -s o -l output -d 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand stun" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand stun" -l deadline -d 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand stun" -l ca-cert -d 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway\'s private CA, a TURN server\'s certificate): for the API and for stuns:/turns: servers' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand stun" -l bundle -d 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand stun" -l timeout -d 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check\'s --help)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand stun" -l strict -d 'Treat warnings as failures (exit code 1)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand stun" -s q -l quiet -d 'One line per check and the summary; evidence only for problems'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand stun" -s v -l verbose -d 'Print every piece of evidence, not only the key facts'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand stun" -l redact-ips -d 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand stun" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand stun" -s V -l version -d 'Print version'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand turn" -l stun -d 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default for the stun check: well-known public servers; the WebRTC checks use none unless given, as OpenAI\'s SDKs do' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand turn" -l turn -d 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand turn" -l turn-username -d 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand turn" -l turn-credential -d 'TURN password (never printed)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand turn" -l turn-secret -d 'TURN REST shared secret (coturn\'s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand turn" -l format -d 'Output format on standard output' -r -f -a "human\t''
json\t''
junit\t''
github\t'GitHub Actions workflow-command annotations'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand turn" -s o -l output -d 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand turn" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand turn" -l deadline -d 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand turn" -l ca-cert -d 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway\'s private CA, a TURN server\'s certificate): for the API and for stuns:/turns: servers' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand turn" -l bundle -d 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand turn" -l timeout -d 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check\'s --help)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand turn" -l strict -d 'Treat warnings as failures (exit code 1)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand turn" -s q -l quiet -d 'One line per check and the summary; evidence only for problems'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand turn" -s v -l verbose -d 'Print every piece of evidence, not only the key facts'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand turn" -l redact-ips -d 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand turn" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand turn" -s V -l version -d 'Print version'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand mic" -l device -d 'Microphone to test: its ALSA name as `arecord -L` lists it (e.g. pulse, hw:CARD=USB), or a substring of its description (see the `devices` evidence). Default: the system\'s default input' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand mic" -l seconds -d 'Microphone capture window' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand mic" -l format -d 'Output format on standard output' -r -f -a "human\t''
json\t''
junit\t''
github\t'GitHub Actions workflow-command annotations'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand mic" -s o -l output -d 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand mic" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand mic" -l deadline -d 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand mic" -l ca-cert -d 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway\'s private CA, a TURN server\'s certificate): for the API and for stuns:/turns: servers' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand mic" -l bundle -d 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand mic" -l timeout -d 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check\'s --help)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand mic" -l require-mic -d 'Fail (instead of skip) when there is no usable microphone'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand mic" -l strict -d 'Treat warnings as failures (exit code 1)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand mic" -s q -l quiet -d 'One line per check and the summary; evidence only for problems'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand mic" -s v -l verbose -d 'Print every piece of evidence, not only the key facts'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand mic" -l redact-ips -d 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand mic" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand mic" -s V -l version -d 'Print version'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l base-url -d 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l model -d 'Model to check: a Realtime model, or a GPT-Live model (gpt-live-1, gpt-live-1.1). On Azure OpenAI, the deployment name. [default: gpt-realtime; gpt-live-1 with --api live]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l api -d 'Which voice API your app uses. live: GPT-Live (POST /v1/live/sessions); realtime: the Realtime API (client secrets and /v1/realtime/calls); beta: the Realtime API\'s retired beta endpoints; auto: live for a gpt-live-* model, else realtime (and, when the endpoint fails as one that predates the GA Realtime API does, a beta probe to say so). Each GPT-Live check creates a real session, which OpenAI bills 15 s of voice while it starts; the check closes it at once and never retries a create' -r -f -a "auto\t'GPT-Live for a gpt-live-* model; otherwise the Realtime API, GA first, then beta when GA fails as an old gateway does, to say which generation works'
live\t'GPT-Live: POST /v1/live/sessions with the standard key, no client secrets'
realtime\t'The Realtime API\'s GA endpoints only (/v1/realtime/client_secrets, /v1/realtime/calls)'
beta\t'Only the Realtime API\'s retired beta endpoints (/v1/realtime/sessions, OpenAI-Beta: realtime=v1)'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l auth -d 'How to send the key: auto (the api-key header for Azure OpenAI hosts, else a bearer token), bearer (Authorization: Bearer, also for a Microsoft Entra token on Azure), or api-key (Azure\'s api-key header)' -r -f -a "auto\t'The api-key header for Azure OpenAI hosts (*.openai.azure.com, *.cognitiveservices.azure.com, *.services.ai.azure.com), a bearer token elsewhere'
bearer\t'Authorization: Bearer (OpenAI keys; Microsoft Entra tokens on Azure)'
api-key\t'Azure OpenAI\'s api-key header'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l api-key-file -d 'Read the API key from this file (first line; the rest is ignored)' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l organization -d 'Organization id sent as OpenAI-Organization' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l project -d 'Project id sent as OpenAI-Project' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l token-url -d 'Your app\'s token route, as your frontend calls it (e.g. http://localhost:3000/api/token): the key check judges what it returns (an ek_ client secret at `value`, its expiry, never a standard key), and sdp/datachannel use its secret for /v1/realtime/calls, as the page does' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l app-header -l via-header -d 'An extra header for your app\'s routes (--via, --token-url), repeatable, e.g. \'Cookie: session=...\' as your logged-in frontend sends it. Its value is never printed' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l stun -d 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default for the stun check: well-known public servers; the WebRTC checks use none unless given, as OpenAI\'s SDKs do' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l turn -d 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l turn-username -d 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l turn-credential -d 'TURN password (never printed)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l turn-secret -d 'TURN REST shared secret (coturn\'s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l ice-transport-policy -d 'ICE transport policy: all candidates, or relay (TURN) only' -r -f -a "all\t''
relay\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l via -d 'Send the offer to your app\'s own backend route, exactly as your frontend does (e.g. http://localhost:3000/api/session), instead of to OpenAI: the backend holds the key' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l via-shape -d 'The body your backend route expects: the raw SDP (application/sdp), JSON {"sdp": ...}, or JSON {"offer": {"type": "offer", "sdp": ...}}; auto tries them in that order while the route refuses the shape (400, 415, 422)' -r -f -a "auto\t''
sdp\t'`Content-Type: application/sdp`, the offer as the body'
json-sdp\t'`{"sdp": "<offer>"}`'
json-offer\t'`{"offer": {"type": "offer", "sdp": "<offer>"}}`'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l origin -d 'The origin your page is served from, when it is not the --via route\'s own (e.g. http://localhost:5173 for a dev server in front of an API on :3000): the route is then checked as a browser would, with a CORS preflight and Access-Control-Allow-Origin' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l bind -d 'Local IP address for the peer\'s sockets (default: every interface; loopback when the base URL is loopback)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l format -d 'Output format on standard output' -r -f -a "human\t''
json\t''
junit\t''
github\t'GitHub Actions workflow-command annotations'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -s o -l output -d 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l deadline -d 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l ca-cert -d 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway\'s private CA, a TURN server\'s certificate): for the API and for stuns:/turns: servers' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l bundle -d 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l timeout -d 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check\'s --help)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l api-key-stdin -d 'Read the API key from standard input'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l allow-insecure-http -d 'Send the key over plain http:// to a host that is not this machine (a gateway on a network you trust). Without it such a base URL is refused before any request; with it the report warns'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l unified -d 'Send the offer the "unified interface" way: multipart/form-data with `sdp` and `session`, authenticated with the standard key (as a server does), instead of minting an ek_ secret'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l strict -d 'Treat warnings as failures (exit code 1)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -s q -l quiet -d 'One line per check and the summary; evidence only for problems'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -s v -l verbose -d 'Print every piece of evidence, not only the key facts'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -l redact-ips -d 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand sdp" -s V -l version -d 'Print version'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l base-url -d 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l model -d 'Model to check: a Realtime model, or a GPT-Live model (gpt-live-1, gpt-live-1.1). On Azure OpenAI, the deployment name. [default: gpt-realtime; gpt-live-1 with --api live]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l api -d 'Which voice API your app uses. live: GPT-Live (POST /v1/live/sessions); realtime: the Realtime API (client secrets and /v1/realtime/calls); beta: the Realtime API\'s retired beta endpoints; auto: live for a gpt-live-* model, else realtime (and, when the endpoint fails as one that predates the GA Realtime API does, a beta probe to say so). Each GPT-Live check creates a real session, which OpenAI bills 15 s of voice while it starts; the check closes it at once and never retries a create' -r -f -a "auto\t'GPT-Live for a gpt-live-* model; otherwise the Realtime API, GA first, then beta when GA fails as an old gateway does, to say which generation works'
live\t'GPT-Live: POST /v1/live/sessions with the standard key, no client secrets'
realtime\t'The Realtime API\'s GA endpoints only (/v1/realtime/client_secrets, /v1/realtime/calls)'
beta\t'Only the Realtime API\'s retired beta endpoints (/v1/realtime/sessions, OpenAI-Beta: realtime=v1)'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l auth -d 'How to send the key: auto (the api-key header for Azure OpenAI hosts, else a bearer token), bearer (Authorization: Bearer, also for a Microsoft Entra token on Azure), or api-key (Azure\'s api-key header)' -r -f -a "auto\t'The api-key header for Azure OpenAI hosts (*.openai.azure.com, *.cognitiveservices.azure.com, *.services.ai.azure.com), a bearer token elsewhere'
bearer\t'Authorization: Bearer (OpenAI keys; Microsoft Entra tokens on Azure)'
api-key\t'Azure OpenAI\'s api-key header'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l api-key-file -d 'Read the API key from this file (first line; the rest is ignored)' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l organization -d 'Organization id sent as OpenAI-Organization' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l project -d 'Project id sent as OpenAI-Project' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l token-url -d 'Your app\'s token route, as your frontend calls it (e.g. http://localhost:3000/api/token): the key check judges what it returns (an ek_ client secret at `value`, its expiry, never a standard key), and sdp/datachannel use its secret for /v1/realtime/calls, as the page does' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l app-header -l via-header -d 'An extra header for your app\'s routes (--via, --token-url), repeatable, e.g. \'Cookie: session=...\' as your logged-in frontend sends it. Its value is never printed' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l stun -d 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default for the stun check: well-known public servers; the WebRTC checks use none unless given, as OpenAI\'s SDKs do' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l turn -d 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l turn-username -d 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l turn-credential -d 'TURN password (never printed)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l turn-secret -d 'TURN REST shared secret (coturn\'s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l ice-transport-policy -d 'ICE transport policy: all candidates, or relay (TURN) only' -r -f -a "all\t''
relay\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l via -d 'Send the offer to your app\'s own backend route, exactly as your frontend does (e.g. http://localhost:3000/api/session), instead of to OpenAI: the backend holds the key' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l via-shape -d 'The body your backend route expects: the raw SDP (application/sdp), JSON {"sdp": ...}, or JSON {"offer": {"type": "offer", "sdp": ...}}; auto tries them in that order while the route refuses the shape (400, 415, 422)' -r -f -a "auto\t''
sdp\t'`Content-Type: application/sdp`, the offer as the body'
json-sdp\t'`{"sdp": "<offer>"}`'
json-offer\t'`{"offer": {"type": "offer", "sdp": "<offer>"}}`'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l origin -d 'The origin your page is served from, when it is not the --via route\'s own (e.g. http://localhost:5173 for a dev server in front of an API on :3000): the route is then checked as a browser would, with a CORS preflight and Access-Control-Allow-Origin' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l bind -d 'Local IP address for the peer\'s sockets (default: every interface; loopback when the base URL is loopback)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l format -d 'Output format on standard output' -r -f -a "human\t''
json\t''
junit\t''
github\t'GitHub Actions workflow-command annotations'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -s o -l output -d 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l deadline -d 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l ca-cert -d 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway\'s private CA, a TURN server\'s certificate): for the API and for stuns:/turns: servers' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l bundle -d 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l timeout -d 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check\'s --help)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l api-key-stdin -d 'Read the API key from standard input'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l allow-insecure-http -d 'Send the key over plain http:// to a host that is not this machine (a gateway on a network you trust). Without it such a base URL is refused before any request; with it the report warns'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l unified -d 'Send the offer the "unified interface" way: multipart/form-data with `sdp` and `session`, authenticated with the standard key (as a server does), instead of minting an ek_ secret'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l strict -d 'Treat warnings as failures (exit code 1)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -s q -l quiet -d 'One line per check and the summary; evidence only for problems'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -s v -l verbose -d 'Print every piece of evidence, not only the key facts'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -l redact-ips -d 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand datachannel" -s V -l version -d 'Print version'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l base-url -d 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l model -d 'Model to check: a Realtime model, or a GPT-Live model (gpt-live-1, gpt-live-1.1). On Azure OpenAI, the deployment name. [default: gpt-realtime; gpt-live-1 with --api live]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l api -d 'Which voice API your app uses. live: GPT-Live (POST /v1/live/sessions); realtime: the Realtime API (client secrets and /v1/realtime/calls); beta: the Realtime API\'s retired beta endpoints; auto: live for a gpt-live-* model, else realtime (and, when the endpoint fails as one that predates the GA Realtime API does, a beta probe to say so). Each GPT-Live check creates a real session, which OpenAI bills 15 s of voice while it starts; the check closes it at once and never retries a create' -r -f -a "auto\t'GPT-Live for a gpt-live-* model; otherwise the Realtime API, GA first, then beta when GA fails as an old gateway does, to say which generation works'
live\t'GPT-Live: POST /v1/live/sessions with the standard key, no client secrets'
realtime\t'The Realtime API\'s GA endpoints only (/v1/realtime/client_secrets, /v1/realtime/calls)'
beta\t'Only the Realtime API\'s retired beta endpoints (/v1/realtime/sessions, OpenAI-Beta: realtime=v1)'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l auth -d 'How to send the key: auto (the api-key header for Azure OpenAI hosts, else a bearer token), bearer (Authorization: Bearer, also for a Microsoft Entra token on Azure), or api-key (Azure\'s api-key header)' -r -f -a "auto\t'The api-key header for Azure OpenAI hosts (*.openai.azure.com, *.cognitiveservices.azure.com, *.services.ai.azure.com), a bearer token elsewhere'
bearer\t'Authorization: Bearer (OpenAI keys; Microsoft Entra tokens on Azure)'
api-key\t'Azure OpenAI\'s api-key header'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l api-key-file -d 'Read the API key from this file (first line; the rest is ignored)' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l organization -d 'Organization id sent as OpenAI-Organization' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l project -d 'Project id sent as OpenAI-Project' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l token-url -d 'Your app\'s token route, as your frontend calls it (e.g. http://localhost:3000/api/token): the key check judges what it returns (an ek_ client secret at `value`, its expiry, never a standard key), and sdp/datachannel use its secret for /v1/realtime/calls, as the page does' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l app-header -l via-header -d 'An extra header for your app\'s routes (--via, --token-url), repeatable, e.g. \'Cookie: session=...\' as your logged-in frontend sends it. Its value is never printed' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l stun -d 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default for the stun check: well-known public servers; the WebRTC checks use none unless given, as OpenAI\'s SDKs do' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l turn -d 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l turn-username -d 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l turn-credential -d 'TURN password (never printed)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l turn-secret -d 'TURN REST shared secret (coturn\'s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l ice-transport-policy -d 'ICE transport policy: all candidates, or relay (TURN) only' -r -f -a "all\t''
relay\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l via -d 'Send the offer to your app\'s own backend route, exactly as your frontend does (e.g. http://localhost:3000/api/session), instead of to OpenAI: the backend holds the key' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l via-shape -d 'The body your backend route expects: the raw SDP (application/sdp), JSON {"sdp": ...}, or JSON {"offer": {"type": "offer", "sdp": ...}}; auto tries them in that order while the route refuses the shape (400, 415, 422)' -r -f -a "auto\t''
sdp\t'`Content-Type: application/sdp`, the offer as the body'
json-sdp\t'`{"sdp": "<offer>"}`'
json-offer\t'`{"offer": {"type": "offer", "sdp": "<offer>"}}`'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l origin -d 'The origin your page is served from, when it is not the --via route\'s own (e.g. http://localhost:5173 for a dev server in front of an API on :3000): the route is then checked as a browser would, with a CORS preflight and Access-Control-Allow-Origin' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l bind -d 'Local IP address for the peer\'s sockets (default: every interface; loopback when the base URL is loopback)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l format -d 'Output format on standard output' -r -f -a "human\t''
json\t''
junit\t''
github\t'GitHub Actions workflow-command annotations'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -s o -l output -d 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l deadline -d 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l ca-cert -d 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway\'s private CA, a TURN server\'s certificate): for the API and for stuns:/turns: servers' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l bundle -d 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l timeout -d 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check\'s --help)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l api-key-stdin -d 'Read the API key from standard input'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l allow-insecure-http -d 'Send the key over plain http:// to a host that is not this machine (a gateway on a network you trust). Without it such a base URL is refused before any request; with it the report warns'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l unified -d 'Send the offer the "unified interface" way: multipart/form-data with `sdp` and `session`, authenticated with the standard key (as a server does), instead of minting an ek_ secret'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l strict -d 'Treat warnings as failures (exit code 1)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -s q -l quiet -d 'One line per check and the summary; evidence only for problems'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -s v -l verbose -d 'Print every piece of evidence, not only the key facts'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -l redact-ips -d 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand voice" -s V -l version -d 'Print version'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l base-url -d 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l model -d 'Model to check: a Realtime model, or a GPT-Live model (gpt-live-1, gpt-live-1.1). On Azure OpenAI, the deployment name. [default: gpt-realtime; gpt-live-1 with --api live]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l api -d 'Which voice API your app uses. live: GPT-Live (POST /v1/live/sessions); realtime: the Realtime API (client secrets and /v1/realtime/calls); beta: the Realtime API\'s retired beta endpoints; auto: live for a gpt-live-* model, else realtime (and, when the endpoint fails as one that predates the GA Realtime API does, a beta probe to say so). Each GPT-Live check creates a real session, which OpenAI bills 15 s of voice while it starts; the check closes it at once and never retries a create' -r -f -a "auto\t'GPT-Live for a gpt-live-* model; otherwise the Realtime API, GA first, then beta when GA fails as an old gateway does, to say which generation works'
live\t'GPT-Live: POST /v1/live/sessions with the standard key, no client secrets'
realtime\t'The Realtime API\'s GA endpoints only (/v1/realtime/client_secrets, /v1/realtime/calls)'
beta\t'Only the Realtime API\'s retired beta endpoints (/v1/realtime/sessions, OpenAI-Beta: realtime=v1)'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l auth -d 'How to send the key: auto (the api-key header for Azure OpenAI hosts, else a bearer token), bearer (Authorization: Bearer, also for a Microsoft Entra token on Azure), or api-key (Azure\'s api-key header)' -r -f -a "auto\t'The api-key header for Azure OpenAI hosts (*.openai.azure.com, *.cognitiveservices.azure.com, *.services.ai.azure.com), a bearer token elsewhere'
bearer\t'Authorization: Bearer (OpenAI keys; Microsoft Entra tokens on Azure)'
api-key\t'Azure OpenAI\'s api-key header'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l api-key-file -d 'Read the API key from this file (first line; the rest is ignored)' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l organization -d 'Organization id sent as OpenAI-Organization' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l project -d 'Project id sent as OpenAI-Project' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l token-url -d 'Your app\'s token route, as your frontend calls it (e.g. http://localhost:3000/api/token): the key check judges what it returns (an ek_ client secret at `value`, its expiry, never a standard key), and sdp/datachannel use its secret for /v1/realtime/calls, as the page does' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l app-header -l via-header -d 'An extra header for your app\'s routes (--via, --token-url), repeatable, e.g. \'Cookie: session=...\' as your logged-in frontend sends it. Its value is never printed' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l stun -d 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default for the stun check: well-known public servers; the WebRTC checks use none unless given, as OpenAI\'s SDKs do' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l turn -d 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l turn-username -d 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l turn-credential -d 'TURN password (never printed)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l turn-secret -d 'TURN REST shared secret (coturn\'s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l ice-transport-policy -d 'ICE transport policy: all candidates, or relay (TURN) only' -r -f -a "all\t''
relay\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l via -d 'Send the offer to your app\'s own backend route, exactly as your frontend does (e.g. http://localhost:3000/api/session), instead of to OpenAI: the backend holds the key' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l via-shape -d 'The body your backend route expects: the raw SDP (application/sdp), JSON {"sdp": ...}, or JSON {"offer": {"type": "offer", "sdp": ...}}; auto tries them in that order while the route refuses the shape (400, 415, 422)' -r -f -a "auto\t''
sdp\t'`Content-Type: application/sdp`, the offer as the body'
json-sdp\t'`{"sdp": "<offer>"}`'
json-offer\t'`{"offer": {"type": "offer", "sdp": "<offer>"}}`'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l origin -d 'The origin your page is served from, when it is not the --via route\'s own (e.g. http://localhost:5173 for a dev server in front of an API on :3000): the route is then checked as a browser would, with a CORS preflight and Access-Control-Allow-Origin' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l launch -d 'Open the page in this browser: chromium (Chromium, Chrome or Edge), firefox, or default (the system\'s default browser). Without it the URL is printed, and the check waits for you to open it in the browser your app runs in' -r -f -a "chromium\t'Chromium, Google Chrome or Microsoft Edge (a private profile in a temporary directory)'
firefox\t'Firefox (a private profile in a temporary directory)'
default\t'The system\'s default browser (xdg-open, open, start), with your profile and microphone'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l browser-path -d 'The browser\'s executable, when it is not on PATH under its usual names' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l browser-arg -d 'An extra command-line argument for the launched browser (repeatable), e.g. --browser-arg=--proxy-server=http://proxy:3128' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l listen -d 'Where the page is served [default: 127.0.0.1 on a free port]. Browsers allow the microphone only in a secure context: http://127.0.0.1 and http://localhost are, another address over plain http is not' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l format -d 'Output format on standard output' -r -f -a "human\t''
json\t''
junit\t''
github\t'GitHub Actions workflow-command annotations'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -s o -l output -d 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l deadline -d 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l ca-cert -d 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway\'s private CA, a TURN server\'s certificate): for the API and for stuns:/turns: servers' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l bundle -d 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l timeout -d 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check\'s --help)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l api-key-stdin -d 'Read the API key from standard input'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l allow-insecure-http -d 'Send the key over plain http:// to a host that is not this machine (a gateway on a network you trust). Without it such a base URL is refused before any request; with it the report warns'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l headless -d 'Run the launched browser headless, with a fake microphone and the permission granted (for CI): the page then checks the network path and the browser\'s WebRTC, not your microphone'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l strict -d 'Treat warnings as failures (exit code 1)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -s q -l quiet -d 'One line per check and the summary; evidence only for problems'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -s v -l verbose -d 'Print every piece of evidence, not only the key facts'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -l redact-ips -d 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-mic" -s V -l version -d 'Print version'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l base-url -d 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l model -d 'Model to check: a Realtime model, or a GPT-Live model (gpt-live-1, gpt-live-1.1). On Azure OpenAI, the deployment name. [default: gpt-realtime; gpt-live-1 with --api live]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l api -d 'Which voice API your app uses. live: GPT-Live (POST /v1/live/sessions); realtime: the Realtime API (client secrets and /v1/realtime/calls); beta: the Realtime API\'s retired beta endpoints; auto: live for a gpt-live-* model, else realtime (and, when the endpoint fails as one that predates the GA Realtime API does, a beta probe to say so). Each GPT-Live check creates a real session, which OpenAI bills 15 s of voice while it starts; the check closes it at once and never retries a create' -r -f -a "auto\t'GPT-Live for a gpt-live-* model; otherwise the Realtime API, GA first, then beta when GA fails as an old gateway does, to say which generation works'
live\t'GPT-Live: POST /v1/live/sessions with the standard key, no client secrets'
realtime\t'The Realtime API\'s GA endpoints only (/v1/realtime/client_secrets, /v1/realtime/calls)'
beta\t'Only the Realtime API\'s retired beta endpoints (/v1/realtime/sessions, OpenAI-Beta: realtime=v1)'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l auth -d 'How to send the key: auto (the api-key header for Azure OpenAI hosts, else a bearer token), bearer (Authorization: Bearer, also for a Microsoft Entra token on Azure), or api-key (Azure\'s api-key header)' -r -f -a "auto\t'The api-key header for Azure OpenAI hosts (*.openai.azure.com, *.cognitiveservices.azure.com, *.services.ai.azure.com), a bearer token elsewhere'
bearer\t'Authorization: Bearer (OpenAI keys; Microsoft Entra tokens on Azure)'
api-key\t'Azure OpenAI\'s api-key header'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l api-key-file -d 'Read the API key from this file (first line; the rest is ignored)' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l organization -d 'Organization id sent as OpenAI-Organization' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l project -d 'Project id sent as OpenAI-Project' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l token-url -d 'Your app\'s token route, as your frontend calls it (e.g. http://localhost:3000/api/token): the key check judges what it returns (an ek_ client secret at `value`, its expiry, never a standard key), and sdp/datachannel use its secret for /v1/realtime/calls, as the page does' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l app-header -l via-header -d 'An extra header for your app\'s routes (--via, --token-url), repeatable, e.g. \'Cookie: session=...\' as your logged-in frontend sends it. Its value is never printed' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l stun -d 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default for the stun check: well-known public servers; the WebRTC checks use none unless given, as OpenAI\'s SDKs do' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l turn -d 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l turn-username -d 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l turn-credential -d 'TURN password (never printed)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l turn-secret -d 'TURN REST shared secret (coturn\'s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l ice-transport-policy -d 'ICE transport policy: all candidates, or relay (TURN) only' -r -f -a "all\t''
relay\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l via -d 'Send the offer to your app\'s own backend route, exactly as your frontend does (e.g. http://localhost:3000/api/session), instead of to OpenAI: the backend holds the key' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l via-shape -d 'The body your backend route expects: the raw SDP (application/sdp), JSON {"sdp": ...}, or JSON {"offer": {"type": "offer", "sdp": ...}}; auto tries them in that order while the route refuses the shape (400, 415, 422)' -r -f -a "auto\t''
sdp\t'`Content-Type: application/sdp`, the offer as the body'
json-sdp\t'`{"sdp": "<offer>"}`'
json-offer\t'`{"offer": {"type": "offer", "sdp": "<offer>"}}`'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l origin -d 'The origin your page is served from, when it is not the --via route\'s own (e.g. http://localhost:5173 for a dev server in front of an API on :3000): the route is then checked as a browser would, with a CORS preflight and Access-Control-Allow-Origin' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l launch -d 'Open the page in this browser: chromium (Chromium, Chrome or Edge), firefox, or default (the system\'s default browser). Without it the URL is printed, and the check waits for you to open it in the browser your app runs in' -r -f -a "chromium\t'Chromium, Google Chrome or Microsoft Edge (a private profile in a temporary directory)'
firefox\t'Firefox (a private profile in a temporary directory)'
default\t'The system\'s default browser (xdg-open, open, start), with your profile and microphone'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l browser-path -d 'The browser\'s executable, when it is not on PATH under its usual names' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l browser-arg -d 'An extra command-line argument for the launched browser (repeatable), e.g. --browser-arg=--proxy-server=http://proxy:3128' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l listen -d 'Where the page is served [default: 127.0.0.1 on a free port]. Browsers allow the microphone only in a secure context: http://127.0.0.1 and http://localhost are, another address over plain http is not' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l format -d 'Output format on standard output' -r -f -a "human\t''
json\t''
junit\t''
github\t'GitHub Actions workflow-command annotations'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -s o -l output -d 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l deadline -d 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l ca-cert -d 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway\'s private CA, a TURN server\'s certificate): for the API and for stuns:/turns: servers' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l bundle -d 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l timeout -d 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check\'s --help)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l api-key-stdin -d 'Read the API key from standard input'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l allow-insecure-http -d 'Send the key over plain http:// to a host that is not this machine (a gateway on a network you trust). Without it such a base URL is refused before any request; with it the report warns'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l headless -d 'Run the launched browser headless, with a fake microphone and the permission granted (for CI): the page then checks the network path and the browser\'s WebRTC, not your microphone'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l strict -d 'Treat warnings as failures (exit code 1)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -s q -l quiet -d 'One line per check and the summary; evidence only for problems'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -s v -l verbose -d 'Print every piece of evidence, not only the key facts'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -l redact-ips -d 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand browser-webrtc" -s V -l version -d 'Print version'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand selftest" -l skip -d 'Leave a check out (repeatable, or comma-separated): it is reported as SKIP' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand selftest" -l only -d 'Run only these checks (repeatable, or comma-separated); the others are reported as SKIP' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand selftest" -l api -d 'Only this API [default: GPT-Live, then the Realtime API]. A machine-readable report (--format other than human, --output, --bundle) holds one API: give it then' -r -f -a "live\t''
realtime\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand selftest" -l format -d 'Output format on standard output' -r -f -a "human\t''
json\t''
junit\t''
github\t'GitHub Actions workflow-command annotations'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand selftest" -s o -l output -d 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand selftest" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand selftest" -l deadline -d 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand selftest" -l ca-cert -d 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway\'s private CA, a TURN server\'s certificate): for the API and for stuns:/turns: servers' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand selftest" -l bundle -d 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand selftest" -l timeout -d 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check\'s --help)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand selftest" -l strict -d 'Treat warnings as failures (exit code 1)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand selftest" -s q -l quiet -d 'One line per check and the summary; evidence only for problems'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand selftest" -s v -l verbose -d 'Print every piece of evidence, not only the key facts'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand selftest" -l redact-ips -d 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand selftest" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand selftest" -s V -l version -d 'Print version'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand completions" -l format -d 'Output format on standard output' -r -f -a "human\t''
json\t''
junit\t''
github\t'GitHub Actions workflow-command annotations'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand completions" -s o -l output -d 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand completions" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand completions" -l deadline -d 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand completions" -l ca-cert -d 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway\'s private CA, a TURN server\'s certificate): for the API and for stuns:/turns: servers' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand completions" -l bundle -d 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand completions" -l timeout -d 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check\'s --help)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand completions" -l strict -d 'Treat warnings as failures (exit code 1)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand completions" -s q -l quiet -d 'One line per check and the summary; evidence only for problems'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand completions" -s v -l verbose -d 'Print every piece of evidence, not only the key facts'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand completions" -l redact-ips -d 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand completions" -s V -l version -d 'Print version'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and not __fish_seen_subcommand_from show help" -l format -d 'Output format on standard output' -r -f -a "human\t''
json\t''
junit\t''
github\t'GitHub Actions workflow-command annotations'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and not __fish_seen_subcommand_from show help" -s o -l output -d 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and not __fish_seen_subcommand_from show help" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and not __fish_seen_subcommand_from show help" -l deadline -d 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and not __fish_seen_subcommand_from show help" -l ca-cert -d 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway\'s private CA, a TURN server\'s certificate): for the API and for stuns:/turns: servers' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and not __fish_seen_subcommand_from show help" -l bundle -d 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and not __fish_seen_subcommand_from show help" -l timeout -d 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check\'s --help)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and not __fish_seen_subcommand_from show help" -l strict -d 'Treat warnings as failures (exit code 1)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and not __fish_seen_subcommand_from show help" -s q -l quiet -d 'One line per check and the summary; evidence only for problems'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and not __fish_seen_subcommand_from show help" -s v -l verbose -d 'Print every piece of evidence, not only the key facts'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and not __fish_seen_subcommand_from show help" -l redact-ips -d 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and not __fish_seen_subcommand_from show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and not __fish_seen_subcommand_from show help" -s V -l version -d 'Print version'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and not __fish_seen_subcommand_from show help" -f -a "show" -d 'Render a saved JSON report (from --output or --format json) or support bundle in any format'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and not __fish_seen_subcommand_from show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and __fish_seen_subcommand_from show" -l format -d 'Output format on standard output' -r -f -a "human\t''
json\t''
junit\t''
github\t'GitHub Actions workflow-command annotations'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and __fish_seen_subcommand_from show" -s o -l output -d 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and __fish_seen_subcommand_from show" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and __fish_seen_subcommand_from show" -l deadline -d 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and __fish_seen_subcommand_from show" -l ca-cert -d 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway\'s private CA, a TURN server\'s certificate): for the API and for stuns:/turns: servers' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and __fish_seen_subcommand_from show" -l bundle -d 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and __fish_seen_subcommand_from show" -l timeout -d 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check\'s --help)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and __fish_seen_subcommand_from show" -l strict -d 'Treat warnings as failures (exit code 1)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and __fish_seen_subcommand_from show" -s q -l quiet -d 'One line per check and the summary; evidence only for problems'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print every piece of evidence, not only the key facts'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and __fish_seen_subcommand_from show" -l redact-ips -d 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "show" -d 'Render a saved JSON report (from --output or --format json) or support bundle in any format'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand analyze" -l format -d 'Output format on standard output' -r -f -a "human\t''
json\t''
junit\t''
github\t'GitHub Actions workflow-command annotations'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand analyze" -s o -l output -d 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand analyze" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand analyze" -l deadline -d 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand analyze" -l ca-cert -d 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway\'s private CA, a TURN server\'s certificate): for the API and for stuns:/turns: servers' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand analyze" -l bundle -d 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand analyze" -l timeout -d 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check\'s --help)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand analyze" -l strict -d 'Treat warnings as failures (exit code 1)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand analyze" -s q -l quiet -d 'One line per check and the summary; evidence only for problems'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand analyze" -s v -l verbose -d 'Print every piece of evidence, not only the key facts'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand analyze" -l redact-ips -d 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand analyze" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand analyze" -s V -l version -d 'Print version'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand man" -l format -d 'Output format on standard output' -r -f -a "human\t''
json\t''
junit\t''
github\t'GitHub Actions workflow-command annotations'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand man" -s o -l output -d 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand man" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand man" -l deadline -d 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand man" -l ca-cert -d 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway\'s private CA, a TURN server\'s certificate): for the API and for stuns:/turns: servers' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand man" -l bundle -d 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand man" -l timeout -d 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check\'s --help)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand man" -l strict -d 'Treat warnings as failures (exit code 1)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand man" -s q -l quiet -d 'One line per check and the summary; evidence only for problems'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand man" -s v -l verbose -d 'Print every piece of evidence, not only the key facts'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand man" -l redact-ips -d 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand man" -s V -l version -d 'Print version'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand fake-server" -l listen -d 'Address to listen on (IP:PORT)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand fake-server" -l accept-key -d 'The standard key the server accepts' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand fake-server" -l media -d 'Answer calls from this address, on UDP 3478 and TCP 443 as OpenAI\'s media servers do' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand fake-server" -l fault -d 'A fault to inject (repeatable; see examples/fake_realtime_server.rs for the list)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand fake-server" -l tls-cert -d 'Serve https:// with this certificate chain (PEM; with --tls-key)' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand fake-server" -l tls-key -d 'The private key of --tls-cert (PEM)' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand fake-server" -l format -d 'Output format on standard output' -r -f -a "human\t''
json\t''
junit\t''
github\t'GitHub Actions workflow-command annotations'"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand fake-server" -s o -l output -d 'Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit, .txt or .log the human view (other extensions: --format when it is not human, else JSON). Repeatable: -o report.json -o junit.xml' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand fake-server" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand fake-server" -l deadline -d 'Time allowed for the whole run; checks still running then are failed. [default: 30s; with the browser checks waiting for you to open the page (no --launch), their budget and 10 s]' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand fake-server" -l ca-cert -d 'Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway\'s private CA, a TURN server\'s certificate): for the API and for stuns:/turns: servers' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand fake-server" -l bundle -d 'Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy variables set, DNS resolvers) and the redacted SDPs, to share with support' -r -F
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand fake-server" -l timeout -d 'Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, 1500ms). Default per check: key 15s, stun 3s, turn 5s, mic the capture window plus 5s, sdp 15s, datachannel 20s, voice 30s, browser-mic 40s with --launch chromium or firefox, 120s when you open the page, browser-webrtc 40s with --launch chromium or firefox, 120s when you open the page. Each wait inside a check has its own, shorter limit (see the check\'s --help)' -r
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand fake-server" -l strict -d 'Treat warnings as failures (exit code 1)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand fake-server" -s q -l quiet -d 'One line per check and the summary; evidence only for problems'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand fake-server" -s v -l verbose -d 'Print every piece of evidence, not only the key facts'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand fake-server" -l redact-ips -d 'In the support bundle, mask public IP addresses (the same address gets the same placeholder)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand fake-server" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand fake-server" -s V -l version -d 'Print version'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand help; and not __fish_seen_subcommand_from check-all browser key stun turn mic sdp datachannel voice browser-mic browser-webrtc selftest completions report analyze man fake-server help" -f -a "check-all" -d 'Run every check (concurrently where they are independent) and give one verdict'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand help; and not __fish_seen_subcommand_from check-all browser key stun turn mic sdp datachannel voice browser-mic browser-webrtc selftest completions report analyze man fake-server help" -f -a "browser" -d 'Run the microphone and call checks in a browser: the page a correct voice app is, served from this machine'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand help; and not __fish_seen_subcommand_from check-all browser key stun turn mic sdp datachannel voice browser-mic browser-webrtc selftest completions report analyze man fake-server help" -f -a "key" -d 'Check the API key, the way to the API, model access and (Realtime) client secrets'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand help; and not __fish_seen_subcommand_from check-all browser key stun turn mic sdp datachannel voice browser-mic browser-webrtc selftest completions report analyze man fake-server help" -f -a "stun" -d 'Check STUN reachability and NAT behaviour (RFC 8489, RFC 5780)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand help; and not __fish_seen_subcommand_from check-all browser key stun turn mic sdp datachannel voice browser-mic browser-webrtc selftest completions report analyze man fake-server help" -f -a "turn" -d 'Check TURN allocation and that the relay really relays (RFC 8656)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand help; and not __fish_seen_subcommand_from check-all browser key stun turn mic sdp datachannel voice browser-mic browser-webrtc selftest completions report analyze man fake-server help" -f -a "mic" -d 'Check microphone capture: the device, its format and its level'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand help; and not __fish_seen_subcommand_from check-all browser key stun turn mic sdp datachannel voice browser-mic browser-webrtc selftest completions report analyze man fake-server help" -f -a "sdp" -d 'Check the SDP round trip (/v1/realtime/calls, or /v1/live/sessions for GPT-Live), and which answer candidates answer'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand help; and not __fish_seen_subcommand_from check-all browser key stun turn mic sdp datachannel voice browser-mic browser-webrtc selftest completions report analyze man fake-server help" -f -a "datachannel" -d 'Check that oai-events opens and the session\'s first events arrive, each phase timed'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand help; and not __fish_seen_subcommand_from check-all browser key stun turn mic sdp datachannel voice browser-mic browser-webrtc selftest completions report analyze man fake-server help" -f -a "voice" -d 'Say a built-in utterance on the call\'s audio track and check that the model hears it and its reply plays: time to first audio, the reply\'s level and length, the turn\'s usage'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand help; and not __fish_seen_subcommand_from check-all browser key stun turn mic sdp datachannel voice browser-mic browser-webrtc selftest completions report analyze man fake-server help" -f -a "browser-mic" -d 'Check the microphone in a browser: the site\'s permission, the device list, getUserMedia and the level, as your voice app\'s page gets them'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand help; and not __fish_seen_subcommand_from check-all browser key stun turn mic sdp datachannel voice browser-mic browser-webrtc selftest completions report analyze man fake-server help" -f -a "browser-webrtc" -d 'Check a call from a browser: the page\'s offer through this tool (or your --via route), ICE as the browser does it, the data channel and the first event'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand help; and not __fish_seen_subcommand_from check-all browser key stun turn mic sdp datachannel voice browser-mic browser-webrtc selftest completions report analyze man fake-server help" -f -a "selftest" -d 'Run check-all against built-in local servers, for both voice APIs: no key and no internet needed'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand help; and not __fish_seen_subcommand_from check-all browser key stun turn mic sdp datachannel voice browser-mic browser-webrtc selftest completions report analyze man fake-server help" -f -a "completions" -d 'Print a shell completion script'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand help; and not __fish_seen_subcommand_from check-all browser key stun turn mic sdp datachannel voice browser-mic browser-webrtc selftest completions report analyze man fake-server help" -f -a "report" -d 'Work with saved reports and support bundles'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand help; and not __fish_seen_subcommand_from check-all browser key stun turn mic sdp datachannel voice browser-mic browser-webrtc selftest completions report analyze man fake-server help" -f -a "analyze" -d 'Diagnose what a user sends: a chrome://webrtc-internals dump, a HAR file from the browser\'s Network tab, an SDP offer and/or answer, or a saved report or support bundle; the same verdict and fixes as a run'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand help; and not __fish_seen_subcommand_from check-all browser key stun turn mic sdp datachannel voice browser-mic browser-webrtc selftest completions report analyze man fake-server help" -f -a "man" -d 'Print the man page (roff)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand help; and not __fish_seen_subcommand_from check-all browser key stun turn mic sdp datachannel voice browser-mic browser-webrtc selftest completions report analyze man fake-server help" -f -a "fake-server" -d 'Serve the fake Realtime API (for the network lab; examples/fake_realtime_server.rs is the documented way to run it by hand)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand help; and not __fish_seen_subcommand_from check-all browser key stun turn mic sdp datachannel voice browser-mic browser-webrtc selftest completions report analyze man fake-server help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c realtime-doctor -n "__fish_realtime_doctor_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "show" -d 'Render a saved JSON report (from --output or --format json) or support bundle in any format'
