"""aiortc's own client, for benches/datachannel-open.sh: the offer a correct voice app makes (an
audio transceiver and oai-events before createOffer, complete gathering), a client secret, the
POST to /v1/realtime/calls, and the time of each phase from `RTCPeerConnection()`, printed as one
JSON line per call: the same phases realtime-doctor's datachannel check reports."""

import argparse
import asyncio
import json
import time

import aiohttp
from aiortc import RTCPeerConnection, RTCSessionDescription


async def call(base, key):
    async with aiohttp.ClientSession() as http:
        auth = {"Authorization": f"Bearer {key}"}
        start = time.perf_counter()
        ms = lambda: round((time.perf_counter() - start) * 1000, 1)
        marks = {}
        pc = RTCPeerConnection()
        pc.addTransceiver("audio", direction="sendrecv")
        channel = pc.createDataChannel("oai-events")
        first = asyncio.Event()

        @pc.on("connectionstatechange")
        def on_state():
            if pc.connectionState == "connected":
                marks.setdefault("dtls_connected", ms())

        @channel.on("open")
        def on_open():
            marks.setdefault("channel_open", ms())

        @channel.on("message")
        def on_message(message):
            marks.setdefault("channel_open", ms())
            marks.setdefault("first_event", ms())
            first.set()

        await pc.setLocalDescription(await pc.createOffer())
        marks["gathered"] = ms()
        async with http.post(base + "/v1/realtime/client_secrets", json={"session": {"type": "realtime"}},
                             headers=auth) as r:
            ek = (await r.json())["value"]
        async with http.post(base + "/v1/realtime/calls", data=pc.localDescription.sdp,
                             headers={"Authorization": f"Bearer {ek}", "Content-Type": "application/sdp"}) as r:
            answer = await r.text()
            location = r.headers.get("Location", "")
        marks["answer_received"] = ms()
        await pc.setRemoteDescription(RTCSessionDescription(answer, "answer"))
        await asyncio.wait_for(first.wait(), 10)
        await pc.close()
        if location:
            await http.post(base + location + "/hangup", headers=auth)
        print(json.dumps(marks), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--key", default="sk-proj-bench-key-0000000000000000")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    for _ in range(args.runs):
        asyncio.run(call(args.base_url, args.key))


if __name__ == "__main__":
    main()
