
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
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Realtime model to check access to and mint a client secret for')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check (e.g. 10s, 1500ms). Default per check: key 10s, stun 3s, turn 5s (a dead network must give its verdict in seconds)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file (first line; the rest is ignored)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization id sent as OpenAI-Organization')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id sent as OpenAI-Project')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (for a TLS-intercepting corporate proxy)')
            [CompletionResult]::new('--stun', '--stun', [CompletionResultType]::ParameterName, 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default: well-known public servers')
            [CompletionResult]::new('--turn', '--turn', [CompletionResultType]::ParameterName, 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port')
            [CompletionResult]::new('--turn-username', '--turn-username', [CompletionResultType]::ParameterName, 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)')
            [CompletionResult]::new('--turn-credential', '--turn-credential', [CompletionResultType]::ParameterName, 'TURN password (never printed)')
            [CompletionResult]::new('--turn-secret', '--turn-secret', [CompletionResultType]::ParameterName, 'TURN REST shared secret (coturn''s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed')
            [CompletionResult]::new('--ice-transport-policy', '--ice-transport-policy', [CompletionResultType]::ParameterName, 'ICE transport policy for the WebRTC checks: all candidates, or relay (TURN) only')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Local IP address for the WebRTC checks'' sockets (default: every interface; loopback when the base URL is loopback)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API generation to mint tokens with: GA, the retired beta, or GA then beta to explain a failure')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--api-key-stdin', '--api-key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from standard input')
            [CompletionResult]::new('--unified', '--unified', [CompletionResultType]::ParameterName, 'Send the offer the "unified interface" way: multipart/form-data with `sdp` and `session`, authenticated with the standard key (as a server does), instead of minting an ek_ secret')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check-all', 'check-all', [CompletionResultType]::ParameterValue, 'Run every check (concurrently where they are independent) and give one verdict')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'Check the API key, model access and client-secret minting')
            [CompletionResult]::new('stun', 'stun', [CompletionResultType]::ParameterValue, 'Check STUN reachability and NAT behaviour')
            [CompletionResult]::new('turn', 'turn', [CompletionResultType]::ParameterValue, 'Check TURN allocation and relaying')
            [CompletionResult]::new('mic', 'mic', [CompletionResultType]::ParameterValue, 'Check microphone capture')
            [CompletionResult]::new('sdp', 'sdp', [CompletionResultType]::ParameterValue, 'Check the SDP offer/answer round trip with /v1/realtime/calls')
            [CompletionResult]::new('datachannel', 'datachannel', [CompletionResultType]::ParameterValue, 'Check that the oai-events data channel opens and session.created arrives')
            [CompletionResult]::new('selftest', 'selftest', [CompletionResultType]::ParameterValue, 'Run check-all against built-in local servers: no key and no internet needed')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Work with saved reports')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'realtime-doctor;check-all' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Realtime model to check access to and mint a client secret for')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check (e.g. 10s, 1500ms). Default per check: key 10s, stun 3s, turn 5s (a dead network must give its verdict in seconds)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file (first line; the rest is ignored)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization id sent as OpenAI-Organization')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id sent as OpenAI-Project')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (for a TLS-intercepting corporate proxy)')
            [CompletionResult]::new('--stun', '--stun', [CompletionResultType]::ParameterName, 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default: well-known public servers')
            [CompletionResult]::new('--turn', '--turn', [CompletionResultType]::ParameterName, 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port')
            [CompletionResult]::new('--turn-username', '--turn-username', [CompletionResultType]::ParameterName, 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)')
            [CompletionResult]::new('--turn-credential', '--turn-credential', [CompletionResultType]::ParameterName, 'TURN password (never printed)')
            [CompletionResult]::new('--turn-secret', '--turn-secret', [CompletionResultType]::ParameterName, 'TURN REST shared secret (coturn''s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed')
            [CompletionResult]::new('--ice-transport-policy', '--ice-transport-policy', [CompletionResultType]::ParameterName, 'ICE transport policy for the WebRTC checks: all candidates, or relay (TURN) only')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Local IP address for the WebRTC checks'' sockets (default: every interface; loopback when the base URL is loopback)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API generation to mint tokens with: GA, the retired beta, or GA then beta to explain a failure')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--api-key-stdin', '--api-key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from standard input')
            [CompletionResult]::new('--unified', '--unified', [CompletionResultType]::ParameterName, 'Send the offer the "unified interface" way: multipart/form-data with `sdp` and `session`, authenticated with the standard key (as a server does), instead of minting an ek_ secret')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;key' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Realtime model to check access to and mint a client secret for')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check (e.g. 10s, 1500ms). Default per check: key 10s, stun 3s, turn 5s (a dead network must give its verdict in seconds)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file (first line; the rest is ignored)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization id sent as OpenAI-Organization')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id sent as OpenAI-Project')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (for a TLS-intercepting corporate proxy)')
            [CompletionResult]::new('--stun', '--stun', [CompletionResultType]::ParameterName, 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default: well-known public servers')
            [CompletionResult]::new('--turn', '--turn', [CompletionResultType]::ParameterName, 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port')
            [CompletionResult]::new('--turn-username', '--turn-username', [CompletionResultType]::ParameterName, 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)')
            [CompletionResult]::new('--turn-credential', '--turn-credential', [CompletionResultType]::ParameterName, 'TURN password (never printed)')
            [CompletionResult]::new('--turn-secret', '--turn-secret', [CompletionResultType]::ParameterName, 'TURN REST shared secret (coturn''s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed')
            [CompletionResult]::new('--ice-transport-policy', '--ice-transport-policy', [CompletionResultType]::ParameterName, 'ICE transport policy for the WebRTC checks: all candidates, or relay (TURN) only')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Local IP address for the WebRTC checks'' sockets (default: every interface; loopback when the base URL is loopback)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API generation to mint tokens with: GA, the retired beta, or GA then beta to explain a failure')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--api-key-stdin', '--api-key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from standard input')
            [CompletionResult]::new('--unified', '--unified', [CompletionResultType]::ParameterName, 'Send the offer the "unified interface" way: multipart/form-data with `sdp` and `session`, authenticated with the standard key (as a server does), instead of minting an ek_ secret')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;stun' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Realtime model to check access to and mint a client secret for')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check (e.g. 10s, 1500ms). Default per check: key 10s, stun 3s, turn 5s (a dead network must give its verdict in seconds)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file (first line; the rest is ignored)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization id sent as OpenAI-Organization')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id sent as OpenAI-Project')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (for a TLS-intercepting corporate proxy)')
            [CompletionResult]::new('--stun', '--stun', [CompletionResultType]::ParameterName, 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default: well-known public servers')
            [CompletionResult]::new('--turn', '--turn', [CompletionResultType]::ParameterName, 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port')
            [CompletionResult]::new('--turn-username', '--turn-username', [CompletionResultType]::ParameterName, 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)')
            [CompletionResult]::new('--turn-credential', '--turn-credential', [CompletionResultType]::ParameterName, 'TURN password (never printed)')
            [CompletionResult]::new('--turn-secret', '--turn-secret', [CompletionResultType]::ParameterName, 'TURN REST shared secret (coturn''s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed')
            [CompletionResult]::new('--ice-transport-policy', '--ice-transport-policy', [CompletionResultType]::ParameterName, 'ICE transport policy for the WebRTC checks: all candidates, or relay (TURN) only')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Local IP address for the WebRTC checks'' sockets (default: every interface; loopback when the base URL is loopback)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API generation to mint tokens with: GA, the retired beta, or GA then beta to explain a failure')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--api-key-stdin', '--api-key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from standard input')
            [CompletionResult]::new('--unified', '--unified', [CompletionResultType]::ParameterName, 'Send the offer the "unified interface" way: multipart/form-data with `sdp` and `session`, authenticated with the standard key (as a server does), instead of minting an ek_ secret')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;turn' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Realtime model to check access to and mint a client secret for')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check (e.g. 10s, 1500ms). Default per check: key 10s, stun 3s, turn 5s (a dead network must give its verdict in seconds)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file (first line; the rest is ignored)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization id sent as OpenAI-Organization')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id sent as OpenAI-Project')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (for a TLS-intercepting corporate proxy)')
            [CompletionResult]::new('--stun', '--stun', [CompletionResultType]::ParameterName, 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default: well-known public servers')
            [CompletionResult]::new('--turn', '--turn', [CompletionResultType]::ParameterName, 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port')
            [CompletionResult]::new('--turn-username', '--turn-username', [CompletionResultType]::ParameterName, 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)')
            [CompletionResult]::new('--turn-credential', '--turn-credential', [CompletionResultType]::ParameterName, 'TURN password (never printed)')
            [CompletionResult]::new('--turn-secret', '--turn-secret', [CompletionResultType]::ParameterName, 'TURN REST shared secret (coturn''s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed')
            [CompletionResult]::new('--ice-transport-policy', '--ice-transport-policy', [CompletionResultType]::ParameterName, 'ICE transport policy for the WebRTC checks: all candidates, or relay (TURN) only')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Local IP address for the WebRTC checks'' sockets (default: every interface; loopback when the base URL is loopback)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API generation to mint tokens with: GA, the retired beta, or GA then beta to explain a failure')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--api-key-stdin', '--api-key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from standard input')
            [CompletionResult]::new('--unified', '--unified', [CompletionResultType]::ParameterName, 'Send the offer the "unified interface" way: multipart/form-data with `sdp` and `session`, authenticated with the standard key (as a server does), instead of minting an ek_ secret')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;mic' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Realtime model to check access to and mint a client secret for')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check (e.g. 10s, 1500ms). Default per check: key 10s, stun 3s, turn 5s (a dead network must give its verdict in seconds)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file (first line; the rest is ignored)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization id sent as OpenAI-Organization')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id sent as OpenAI-Project')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (for a TLS-intercepting corporate proxy)')
            [CompletionResult]::new('--stun', '--stun', [CompletionResultType]::ParameterName, 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default: well-known public servers')
            [CompletionResult]::new('--turn', '--turn', [CompletionResultType]::ParameterName, 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port')
            [CompletionResult]::new('--turn-username', '--turn-username', [CompletionResultType]::ParameterName, 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)')
            [CompletionResult]::new('--turn-credential', '--turn-credential', [CompletionResultType]::ParameterName, 'TURN password (never printed)')
            [CompletionResult]::new('--turn-secret', '--turn-secret', [CompletionResultType]::ParameterName, 'TURN REST shared secret (coturn''s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed')
            [CompletionResult]::new('--ice-transport-policy', '--ice-transport-policy', [CompletionResultType]::ParameterName, 'ICE transport policy for the WebRTC checks: all candidates, or relay (TURN) only')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Local IP address for the WebRTC checks'' sockets (default: every interface; loopback when the base URL is loopback)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API generation to mint tokens with: GA, the retired beta, or GA then beta to explain a failure')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--api-key-stdin', '--api-key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from standard input')
            [CompletionResult]::new('--unified', '--unified', [CompletionResultType]::ParameterName, 'Send the offer the "unified interface" way: multipart/form-data with `sdp` and `session`, authenticated with the standard key (as a server does), instead of minting an ek_ secret')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;sdp' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Realtime model to check access to and mint a client secret for')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check (e.g. 10s, 1500ms). Default per check: key 10s, stun 3s, turn 5s (a dead network must give its verdict in seconds)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file (first line; the rest is ignored)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization id sent as OpenAI-Organization')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id sent as OpenAI-Project')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (for a TLS-intercepting corporate proxy)')
            [CompletionResult]::new('--stun', '--stun', [CompletionResultType]::ParameterName, 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default: well-known public servers')
            [CompletionResult]::new('--turn', '--turn', [CompletionResultType]::ParameterName, 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port')
            [CompletionResult]::new('--turn-username', '--turn-username', [CompletionResultType]::ParameterName, 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)')
            [CompletionResult]::new('--turn-credential', '--turn-credential', [CompletionResultType]::ParameterName, 'TURN password (never printed)')
            [CompletionResult]::new('--turn-secret', '--turn-secret', [CompletionResultType]::ParameterName, 'TURN REST shared secret (coturn''s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed')
            [CompletionResult]::new('--ice-transport-policy', '--ice-transport-policy', [CompletionResultType]::ParameterName, 'ICE transport policy for the WebRTC checks: all candidates, or relay (TURN) only')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Local IP address for the WebRTC checks'' sockets (default: every interface; loopback when the base URL is loopback)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API generation to mint tokens with: GA, the retired beta, or GA then beta to explain a failure')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--api-key-stdin', '--api-key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from standard input')
            [CompletionResult]::new('--unified', '--unified', [CompletionResultType]::ParameterName, 'Send the offer the "unified interface" way: multipart/form-data with `sdp` and `session`, authenticated with the standard key (as a server does), instead of minting an ek_ secret')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;datachannel' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Realtime model to check access to and mint a client secret for')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check (e.g. 10s, 1500ms). Default per check: key 10s, stun 3s, turn 5s (a dead network must give its verdict in seconds)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file (first line; the rest is ignored)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization id sent as OpenAI-Organization')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id sent as OpenAI-Project')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (for a TLS-intercepting corporate proxy)')
            [CompletionResult]::new('--stun', '--stun', [CompletionResultType]::ParameterName, 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default: well-known public servers')
            [CompletionResult]::new('--turn', '--turn', [CompletionResultType]::ParameterName, 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port')
            [CompletionResult]::new('--turn-username', '--turn-username', [CompletionResultType]::ParameterName, 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)')
            [CompletionResult]::new('--turn-credential', '--turn-credential', [CompletionResultType]::ParameterName, 'TURN password (never printed)')
            [CompletionResult]::new('--turn-secret', '--turn-secret', [CompletionResultType]::ParameterName, 'TURN REST shared secret (coturn''s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed')
            [CompletionResult]::new('--ice-transport-policy', '--ice-transport-policy', [CompletionResultType]::ParameterName, 'ICE transport policy for the WebRTC checks: all candidates, or relay (TURN) only')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Local IP address for the WebRTC checks'' sockets (default: every interface; loopback when the base URL is loopback)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API generation to mint tokens with: GA, the retired beta, or GA then beta to explain a failure')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--api-key-stdin', '--api-key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from standard input')
            [CompletionResult]::new('--unified', '--unified', [CompletionResultType]::ParameterName, 'Send the offer the "unified interface" way: multipart/form-data with `sdp` and `session`, authenticated with the standard key (as a server does), instead of minting an ek_ secret')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;selftest' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Realtime model to check access to and mint a client secret for')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check (e.g. 10s, 1500ms). Default per check: key 10s, stun 3s, turn 5s (a dead network must give its verdict in seconds)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file (first line; the rest is ignored)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization id sent as OpenAI-Organization')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id sent as OpenAI-Project')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (for a TLS-intercepting corporate proxy)')
            [CompletionResult]::new('--stun', '--stun', [CompletionResultType]::ParameterName, 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default: well-known public servers')
            [CompletionResult]::new('--turn', '--turn', [CompletionResultType]::ParameterName, 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port')
            [CompletionResult]::new('--turn-username', '--turn-username', [CompletionResultType]::ParameterName, 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)')
            [CompletionResult]::new('--turn-credential', '--turn-credential', [CompletionResultType]::ParameterName, 'TURN password (never printed)')
            [CompletionResult]::new('--turn-secret', '--turn-secret', [CompletionResultType]::ParameterName, 'TURN REST shared secret (coturn''s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed')
            [CompletionResult]::new('--ice-transport-policy', '--ice-transport-policy', [CompletionResultType]::ParameterName, 'ICE transport policy for the WebRTC checks: all candidates, or relay (TURN) only')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Local IP address for the WebRTC checks'' sockets (default: every interface; loopback when the base URL is loopback)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API generation to mint tokens with: GA, the retired beta, or GA then beta to explain a failure')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--api-key-stdin', '--api-key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from standard input')
            [CompletionResult]::new('--unified', '--unified', [CompletionResultType]::ParameterName, 'Send the offer the "unified interface" way: multipart/form-data with `sdp` and `session`, authenticated with the standard key (as a server does), instead of minting an ek_ secret')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;completions' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Realtime model to check access to and mint a client secret for')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check (e.g. 10s, 1500ms). Default per check: key 10s, stun 3s, turn 5s (a dead network must give its verdict in seconds)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file (first line; the rest is ignored)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization id sent as OpenAI-Organization')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id sent as OpenAI-Project')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (for a TLS-intercepting corporate proxy)')
            [CompletionResult]::new('--stun', '--stun', [CompletionResultType]::ParameterName, 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default: well-known public servers')
            [CompletionResult]::new('--turn', '--turn', [CompletionResultType]::ParameterName, 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port')
            [CompletionResult]::new('--turn-username', '--turn-username', [CompletionResultType]::ParameterName, 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)')
            [CompletionResult]::new('--turn-credential', '--turn-credential', [CompletionResultType]::ParameterName, 'TURN password (never printed)')
            [CompletionResult]::new('--turn-secret', '--turn-secret', [CompletionResultType]::ParameterName, 'TURN REST shared secret (coturn''s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed')
            [CompletionResult]::new('--ice-transport-policy', '--ice-transport-policy', [CompletionResultType]::ParameterName, 'ICE transport policy for the WebRTC checks: all candidates, or relay (TURN) only')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Local IP address for the WebRTC checks'' sockets (default: every interface; loopback when the base URL is loopback)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API generation to mint tokens with: GA, the retired beta, or GA then beta to explain a failure')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--api-key-stdin', '--api-key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from standard input')
            [CompletionResult]::new('--unified', '--unified', [CompletionResultType]::ParameterName, 'Send the offer the "unified interface" way: multipart/form-data with `sdp` and `session`, authenticated with the standard key (as a server does), instead of minting an ek_ secret')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;report' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Realtime model to check access to and mint a client secret for')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check (e.g. 10s, 1500ms). Default per check: key 10s, stun 3s, turn 5s (a dead network must give its verdict in seconds)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file (first line; the rest is ignored)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization id sent as OpenAI-Organization')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id sent as OpenAI-Project')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (for a TLS-intercepting corporate proxy)')
            [CompletionResult]::new('--stun', '--stun', [CompletionResultType]::ParameterName, 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default: well-known public servers')
            [CompletionResult]::new('--turn', '--turn', [CompletionResultType]::ParameterName, 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port')
            [CompletionResult]::new('--turn-username', '--turn-username', [CompletionResultType]::ParameterName, 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)')
            [CompletionResult]::new('--turn-credential', '--turn-credential', [CompletionResultType]::ParameterName, 'TURN password (never printed)')
            [CompletionResult]::new('--turn-secret', '--turn-secret', [CompletionResultType]::ParameterName, 'TURN REST shared secret (coturn''s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed')
            [CompletionResult]::new('--ice-transport-policy', '--ice-transport-policy', [CompletionResultType]::ParameterName, 'ICE transport policy for the WebRTC checks: all candidates, or relay (TURN) only')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Local IP address for the WebRTC checks'' sockets (default: every interface; loopback when the base URL is loopback)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API generation to mint tokens with: GA, the retired beta, or GA then beta to explain a failure')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--api-key-stdin', '--api-key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from standard input')
            [CompletionResult]::new('--unified', '--unified', [CompletionResultType]::ParameterName, 'Send the offer the "unified interface" way: multipart/form-data with `sdp` and `session`, authenticated with the standard key (as a server does), instead of minting an ek_ secret')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Render a saved JSON report (from --output or --format json) in any format')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'realtime-doctor;report;show' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Realtime model to check access to and mint a client secret for')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check (e.g. 10s, 1500ms). Default per check: key 10s, stun 3s, turn 5s (a dead network must give its verdict in seconds)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file (first line; the rest is ignored)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization id sent as OpenAI-Organization')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id sent as OpenAI-Project')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (for a TLS-intercepting corporate proxy)')
            [CompletionResult]::new('--stun', '--stun', [CompletionResultType]::ParameterName, 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default: well-known public servers')
            [CompletionResult]::new('--turn', '--turn', [CompletionResultType]::ParameterName, 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port')
            [CompletionResult]::new('--turn-username', '--turn-username', [CompletionResultType]::ParameterName, 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)')
            [CompletionResult]::new('--turn-credential', '--turn-credential', [CompletionResultType]::ParameterName, 'TURN password (never printed)')
            [CompletionResult]::new('--turn-secret', '--turn-secret', [CompletionResultType]::ParameterName, 'TURN REST shared secret (coturn''s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed')
            [CompletionResult]::new('--ice-transport-policy', '--ice-transport-policy', [CompletionResultType]::ParameterName, 'ICE transport policy for the WebRTC checks: all candidates, or relay (TURN) only')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Local IP address for the WebRTC checks'' sockets (default: every interface; loopback when the base URL is loopback)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API generation to mint tokens with: GA, the retired beta, or GA then beta to explain a failure')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--api-key-stdin', '--api-key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from standard input')
            [CompletionResult]::new('--unified', '--unified', [CompletionResultType]::ParameterName, 'Send the offer the "unified interface" way: multipart/form-data with `sdp` and `session`, authenticated with the standard key (as a server does), instead of minting an ek_ secret')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;report;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Render a saved JSON report (from --output or --format json) in any format')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'realtime-doctor;report;help;show' {
            break
        }
        'realtime-doctor;report;help;help' {
            break
        }
        'realtime-doctor;man' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Realtime model to check access to and mint a client secret for')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on standard output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit); the terminal then shows the human view')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each check (e.g. 10s, 1500ms). Default per check: key 10s, stun 3s, turn 5s (a dead network must give its verdict in seconds)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Time allowed for the whole run; checks still running then are failed')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file (first line; the rest is ignored)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization id sent as OpenAI-Organization')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id sent as OpenAI-Project')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate(s) to trust, PEM (for a TLS-intercepting corporate proxy)')
            [CompletionResult]::new('--stun', '--stun', [CompletionResultType]::ParameterName, 'STUN server to test (repeatable, or comma-separated in the variable): stun:host:port, stun:host:port?transport=tcp, stuns:host:port. Default: well-known public servers')
            [CompletionResult]::new('--turn', '--turn', [CompletionResultType]::ParameterName, 'TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port')
            [CompletionResult]::new('--turn-username', '--turn-username', [CompletionResultType]::ParameterName, 'TURN username (with --turn-credential), or the user part of TURN REST credentials (with --turn-secret)')
            [CompletionResult]::new('--turn-credential', '--turn-credential', [CompletionResultType]::ParameterName, 'TURN password (never printed)')
            [CompletionResult]::new('--turn-secret', '--turn-secret', [CompletionResultType]::ParameterName, 'TURN REST shared secret (coturn''s static-auth-secret): credentials are derived from it (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed')
            [CompletionResult]::new('--ice-transport-policy', '--ice-transport-policy', [CompletionResultType]::ParameterName, 'ICE transport policy for the WebRTC checks: all candidates, or relay (TURN) only')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Local IP address for the WebRTC checks'' sockets (default: every interface; loopback when the base URL is loopback)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API generation to mint tokens with: GA, the retired beta, or GA then beta to explain a failure')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures (exit code 1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'One line per check and the summary; evidence only for problems')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print every piece of evidence, not only the key facts')
            [CompletionResult]::new('--api-key-stdin', '--api-key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from standard input')
            [CompletionResult]::new('--unified', '--unified', [CompletionResultType]::ParameterName, 'Send the offer the "unified interface" way: multipart/form-data with `sdp` and `session`, authenticated with the standard key (as a server does), instead of minting an ek_ secret')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'realtime-doctor;help' {
            [CompletionResult]::new('check-all', 'check-all', [CompletionResultType]::ParameterValue, 'Run every check (concurrently where they are independent) and give one verdict')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'Check the API key, model access and client-secret minting')
            [CompletionResult]::new('stun', 'stun', [CompletionResultType]::ParameterValue, 'Check STUN reachability and NAT behaviour')
            [CompletionResult]::new('turn', 'turn', [CompletionResultType]::ParameterValue, 'Check TURN allocation and relaying')
            [CompletionResult]::new('mic', 'mic', [CompletionResultType]::ParameterValue, 'Check microphone capture')
            [CompletionResult]::new('sdp', 'sdp', [CompletionResultType]::ParameterValue, 'Check the SDP offer/answer round trip with /v1/realtime/calls')
            [CompletionResult]::new('datachannel', 'datachannel', [CompletionResultType]::ParameterValue, 'Check that the oai-events data channel opens and session.created arrives')
            [CompletionResult]::new('selftest', 'selftest', [CompletionResultType]::ParameterValue, 'Run check-all against built-in local servers: no key and no internet needed')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Work with saved reports')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'realtime-doctor;help;check-all' {
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
        'realtime-doctor;help;selftest' {
            break
        }
        'realtime-doctor;help;completions' {
            break
        }
        'realtime-doctor;help;report' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Render a saved JSON report (from --output or --format json) in any format')
            break
        }
        'realtime-doctor;help;report;show' {
            break
        }
        'realtime-doctor;help;man' {
            break
        }
        'realtime-doctor;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
