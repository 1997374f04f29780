#!/usr/bin/python3
# Independent reader of a TID 1500 Measurement Report for the SR tests: Debian's pydicom (python3-pydicom, 2.3) walks the
# content tree with its own parser and prints, as JSON, every value the tests compare with what IronNotebooks wrote, and
# looks up every DCM/SCT/LN code of the document in pydicom's PS3.16 concept dictionary (pydicom.sr._concepts_dict).
# Command (as the tests run it): /usr/bin/python3 read_tid1500.py SR.dcm
import json, sys
import pydicom
from pydicom.sr._concepts_dict import concepts

ds = pydicom.dcmread(sys.argv[1])
codes_seen = []

def code(seq):
    if not seq:
        return None
    c = seq[0]
    v = {"value": c.CodeValue, "scheme": c.CodingSchemeDesignator, "meaning": c.CodeMeaning}
    codes_seen.append(v)
    return v

def name(item):
    return code(item.get("ConceptNameCodeSequence"))

def number(item):
    mv = item.MeasuredValueSequence[0]
    # FD when present (the DS could not hold the double), else the DS
    return float(mv.FloatingPointValue) if "FloatingPointValue" in mv else float(mv.NumericValue)

def children(item):
    return list(item.get("ContentSequence", []))

def find(items, value):
    return [i for i in items if "ConceptNameCodeSequence" in i and i.ConceptNameCodeSequence[0].CodeValue == value]

def values(element):
    # a multi-valued element reads as a MultiValue, a single value as a scalar
    return [int(v) for v in element] if isinstance(element, (list, pydicom.multival.MultiValue)) else [int(element)]

def sop(item):
    r = item.ReferencedSOPSequence[0]
    return {"class": r.ReferencedSOPClassUID, "instance": r.ReferencedSOPInstanceUID,
            "frames": values(r.ReferencedFrameNumber) if "ReferencedFrameNumber" in r else [],
            "segments": values(r.ReferencedSegmentNumber) if "ReferencedSegmentNumber" in r else []}

root = children(ds)
out = {
    "sopClass": ds.SOPClassUID, "charset": ds.get("SpecificCharacterSet", ""),
    "title": name(ds), "template": ds.ContentTemplateSequence[0].TemplateIdentifier,
    "language": code(find(root, "121049")[0].ConceptCodeSequence),
    "observerType": code(find(root, "121005")[0].ConceptCodeSequence),
    "observerName": find(root, "121013")[0].TextValue,
    "observerModel": find(root, "121015")[0].TextValue,
    "procedure": code(find(root, "121058")[0].ConceptCodeSequence),
    "library": [sop(i)["instance"] for g in children(find(root, "111028")[0]) for i in children(g)],
    "evidence": sorted(s.ReferencedSOPInstanceUID for st in ds.CurrentRequestedProcedureEvidenceSequence
                       for se in st.ReferencedSeriesSequence for s in se.ReferencedSOPSequence),
    "localSchemes": [s.CodingSchemeDesignator for s in ds.get("CodingSchemeIdentificationSequence", [])],
    "groups": [],
}
for g in children(find(root, "126010")[0]):
    items = children(g)
    name(g)
    entry = {"template": g.ContentTemplateSequence[0].TemplateIdentifier,
             "tracking": find(items, "112039")[0].TextValue, "trackingUid": find(items, "112040")[0].UID,
             "finding": code(find(items, "121071")[0].ConceptCodeSequence), "site": None, "laterality": None,
             "graphicType": None, "graphicData": None, "image": None, "segmentation": None, "numbers": []}
    site = find(items, "363698007")
    if site:
        entry["site"] = code(site[0].ConceptCodeSequence)
        lat = find(children(site[0]), "272741003")
        if lat:
            entry["laterality"] = code(lat[0].ConceptCodeSequence)
    region = find(items, "111030")
    if region:
        entry["graphicType"] = region[0].GraphicType
        entry["graphicData"] = [float(v) for v in region[0].GraphicData]
        entry["image"] = sop(children(region[0])[0])
    seg = find(items, "121214")
    if seg:
        entry["segmentation"] = sop(seg[0])
        entry["image"] = sop(find(items, "121233")[0])
    for n in (i for i in items if i.ValueType == "NUM"):
        mods = children(n)
        d = find(mods, "121401")
        entry["numbers"].append({
            "concept": name(n), "value": number(n), "units": code(n.MeasuredValueSequence[0].MeasurementUnitsCodeSequence),
            "derivation": code(d[0].ConceptCodeSequence) if d else None,
            "algorithm": [m.TextValue for m in find(mods, "111001")], "version": [m.TextValue for m in find(mods, "111003")],
            "parameters": [m.TextValue for m in find(mods, "111002")]})
    for i in items:
        name(i)
    out["groups"].append(entry)

# Every standard code (DCM, SCT, LN) of the document, looked up in PS3.16 as pydicom ships it.
unknown = []
for c in {(c["scheme"], c["value"], c["meaning"]) for c in codes_seen if c["scheme"] in ("DCM", "SCT", "LN")}:
    meanings = [m[c[1]][0] for m in concepts.get(c[0], {}).values() if c[1] in m]
    if c[2] not in meanings:
        unknown.append({"scheme": c[0], "value": c[1], "meaning": c[2], "ps316": meanings})
out["codesNotInPs316"] = unknown
out["codesChecked"] = len({(c["scheme"], c["value"]) for c in codes_seen if c["scheme"] in ("DCM", "SCT", "LN")})
print(json.dumps(out))
