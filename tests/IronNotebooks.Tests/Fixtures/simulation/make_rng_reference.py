#!/usr/bin/python3
"""Independent reference for IronNotebooks.Simulation.SeededRandom and DeterministicUid.

Run from this folder:  /usr/bin/python3 make_rng_reference.py > rng_reference.json
Implements SplitMix64 (Steele, Lea & Flood 2014) and xoshiro256** (Blackman & Vigna) from their published
definitions with Python integers, the FNV-1a label hash over UTF-16 code units, and the UID rule
2.25.<int(SHA-256("ironnotebooks-synth|seed|label")[:16], big endian)>.
"""
import hashlib, json

M = (1 << 64) - 1

def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & M
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return state, z ^ (z >> 31)

def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M

class Xoshiro:
    def __init__(self, seed):
        x = seed
        self.s = []
        for _ in range(4):
            x, v = splitmix64(x)
            self.s.append(v)
    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

def derive(seed, label):
    h = 14695981039346656037
    data = label.encode("utf-16-le")
    for i in range(0, len(data), 2):
        h ^= data[i] | (data[i + 1] << 8)
        h = (h * 1099511628211) & M
    _, v = splitmix64(seed ^ h)
    return Xoshiro(v)

def uid(seed, label):
    digest = hashlib.sha256(f"ironnotebooks-synth|{seed}|{label}".encode("utf-8")).digest()
    return "2.25." + str(int.from_bytes(digest[:16], "big"))

out = {
    "splitmix64_seed_1234567": [],
    "xoshiro_seed_42": [],
    "derive_seed_7_label": "SYN-0001/series/2/T2/noise",
    "derive_seed_7": [],
    "next_double_seed_42": [],
    "uids": [],
}
st = 1234567
for _ in range(5):
    st, v = splitmix64(st)
    out["splitmix64_seed_1234567"].append(str(v))
g = Xoshiro(42)
for _ in range(8):
    out["xoshiro_seed_42"].append(str(g.next()))
g = Xoshiro(42)
for _ in range(4):
    out["next_double_seed_42"].append((g.next() >> 11) * (1.0 / (1 << 53)))
g = derive(7, out["derive_seed_7_label"])
for _ in range(4):
    out["derive_seed_7"].append(str(g.next()))
for seed, label in [(1, "SYN-0001/study"), (20261122, "SYN-0042/series/3/instance/1"), (18446744073709551615, "SYN-PHANTOM/frame-of-reference")]:
    out["uids"].append({"seed": str(seed), "label": label, "uid": uid(seed, label)})
print(json.dumps(out, indent=1))
