#!/usr/bin/python3
"""Independent ROI statistics on the real UKRIN liver/kidney R2* NIfTI data (tests: NiftiRoiAgreementTests).

    /usr/bin/python3 tests/IronNotebooks.Tests/Fixtures/roi/make_roi_reference.py ../shared/corpus \
        > tests/IronNotebooks.Tests/Fixtures/roi/roi_reference.json

nibabel (Debian python3-nibabel) reads the images and applies scl_slope/scl_inter; numpy builds each ROI mask with the
pixel-centre rule stated in IronNotebooks' docs (pixel (x=i, y=j) is inside when its centre is, boundary included,
1e-9 tolerance; rectangles include both corners; polygons by the even-odd rule) and computes mean, SD (ddof=1),
median, min, max, pixel count and area = count * pixdim[1] * pixdim[2]. For GE's 4-D files volume 0 (magnitude) is
used. Echo times come from the BIDS sidecars (seconds) and are reported in ms.
"""
import glob, json, os, sys
import nibabel as nib
import numpy as np

# ROIs in pixel coordinates on slice 2 of these coronal images, spread over liver, kidney, spine and bowel to exercise
# every shape: an agreement test of the arithmetic, not an anatomical measurement.
ROIS = {
    "siemens": ["circle:60,70,4", "rect:30,40,41,49", "ellipse:90.3,60.7,6,3.5,30", "polygon:40.5,80.5,55.5,78.5,58.5,95.5,44.5,99.5"],
    "philips": ["circle:60,70,4", "rect:30,40,41,49", "ellipse:90.3,60.7,6,3.5,30", "polygon:40.5,80.5,55.5,78.5,58.5,95.5,44.5,99.5"],
    "ge": ["circle:120,140,8", "rect:60,80,83,99", "ellipse:180.6,121.4,12,7,30", "polygon:81,161,111,157,117,191,89,199"],
}
SLICE = 2


def mask(spec, nx, ny):
    kind, values = spec.split(":")
    v = [float(t) for t in values.split(",")]
    x, y = np.meshgrid(np.arange(nx, dtype=float), np.arange(ny, dtype=float), indexing="ij")  # x = i, y = j
    eps = 1e-9
    if kind == "circle":
        return (x - v[0]) ** 2 + (y - v[1]) ** 2 <= v[2] ** 2 + eps
    if kind == "rect":
        return (x >= min(v[0], v[2]) - eps) & (x <= max(v[0], v[2]) + eps) & (y >= min(v[1], v[3]) - eps) & (y <= max(v[1], v[3]) + eps)
    if kind == "ellipse":
        a = np.deg2rad(v[4])
        p = (x - v[0]) * np.cos(a) + (y - v[1]) * np.sin(a)
        q = -(x - v[0]) * np.sin(a) + (y - v[1]) * np.cos(a)
        return p ** 2 / v[2] ** 2 + q ** 2 / v[3] ** 2 <= 1 + eps
    if kind == "polygon":
        pts = list(zip(v[0::2], v[1::2]))
        inside = np.zeros_like(x, dtype=bool)
        for (ui, vi), (uj, vj) in zip(pts, pts[-1:] + pts[:-1]):
            crosses = (vi > y) != (vj > y)
            with np.errstate(divide="ignore", invalid="ignore"):
                xint = (uj - ui) * (y - vi) / (vj - vi) + ui
            inside ^= crosses & (x < xint)
        return inside
    raise ValueError(kind)


def main(corpus):
    out = {"generator": "tests/IronNotebooks.Tests/Fixtures/roi/make_roi_reference.py", "nibabel": nib.__version__,
           "numpy": np.__version__, "slice": SLICE, "vendors": {}}
    for vendor, rois in ROIS.items():
        folder = os.path.join(corpus, "ukat", "r2star", vendor)
        echoes = []
        for path in sorted(glob.glob(os.path.join(folder, "*.nii.gz"))):
            sidecar = json.load(open(path[:-7] + ".json"))
            img = nib.load(path)
            data = img.get_fdata(dtype=np.float64)
            if data.ndim == 4:
                data = data[..., 0]
            echoes.append((sidecar["EchoTime"] * 1000.0, data, img.header.get_zooms()))
        echoes.sort(key=lambda e: e[0])
        entry = {"echoTimesMs": [e[0] for e in echoes], "rois": {}}
        for spec in rois:
            per_echo = []
            for te, data, zooms in echoes:
                m = mask(spec, data.shape[0], data.shape[1])
                vals = data[:, :, SLICE][m]
                per_echo.append({"echoTimeMs": te, "mean": float(vals.mean()), "sd": float(vals.std(ddof=1)),
                                 "median": float(np.median(vals)), "min": float(vals.min()), "max": float(vals.max()),
                                 "pixels": int(vals.size), "areaMm2": float(vals.size * zooms[0] * zooms[1])})
            entry["rois"][spec] = per_echo
        out["vendors"][vendor] = entry
    json.dump(out, sys.stdout, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
