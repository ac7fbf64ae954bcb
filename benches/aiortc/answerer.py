"""An independent answerer for benches/datachannel-open.sh: aiortc (the Python WebRTC stack)
serving the Realtime API's WebRTC endpoints: client secrets, calls and hangup. It answers with
a=setup:active, as OpenAI's answers do, or a=setup:passive with --dtls-passive, opens nothing
itself, sends session.created when the offerer's oai-events channel opens and answers
session.update with session.updated."""

import argparse
import json
import secrets
import time

from aiohttp import web
from aiortc import RTCPeerConnection, RTCSessionDescription

calls = {}


def event(kind, **fields):
    return json.dumps({"type": kind, "event_id": "event_" + secrets.token_hex(6), **fields})


async def client_secrets(request):
    return web.json_response({"value": "ek_" + secrets.token_hex(16), "expires_at": int(time.time()) + 600,
                              "session": {"type": "realtime", "model": "gpt-realtime"}})


async def create_call(request):
    pc = RTCPeerConnection()

    @pc.on("datachannel")
    def on_channel(channel):
        # aiortc announces a remote channel once its DCEP OPEN arrived: it is open now.
        channel.send(event("session.created", session={"type": "realtime", "id": "sess_" + secrets.token_hex(8)}))

        @channel.on("message")
        def on_message(message):
            v = json.loads(message)
            if v.get("type") == "session.update":
                channel.send(event("session.updated", session=v.get("session", {})))

    await pc.setRemoteDescription(RTCSessionDescription(await request.text(), "offer"))
    if request.app["dtls_passive"]:
        # aiortc's answerer is the DTLS client unless told otherwise (a private, stable knob).
        for t in pc.getTransceivers():
            t.receiver.transport._set_role("server")
        if pc.sctp:
            pc.sctp.transport._set_role("server")
    await pc.setLocalDescription(await pc.createAnswer())
    call_id = "rtc_" + secrets.token_hex(8)
    calls[call_id] = pc
    return web.Response(status=201, text=pc.localDescription.sdp, content_type="application/sdp",
                        headers={"Location": f"/v1/realtime/calls/{call_id}"})


async def hangup(request):
    pc = calls.pop(request.match_info["id"], None)
    if pc:
        await pc.close()
    return web.json_response({})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dtls-passive", action="store_true")
    args = parser.parse_args()
    app = web.Application()
    app["dtls_passive"] = args.dtls_passive
    app.add_routes([web.post("/v1/realtime/client_secrets", client_secrets),
                    web.post("/v1/realtime/calls", create_call),
                    web.post("/v1/realtime/calls/{id}/hangup", hangup)])
    web.run_app(app, host="127.0.0.1", port=args.port, print=None)


if __name__ == "__main__":
    main()
