#!/usr/bin/python3
"""Reads a synthetic exam folder with pydicom, independently of IronNotebooks, for SyntheticDicomToolTests.

Usage: /usr/bin/python3 read_synthetic_exam.py EXAM_FOLDER [EXAM_FOLDER …]  → JSON on stdout: {folder: {file: …}}.
For every .dcm file: header values, every frame's echo time, the SHA-256 of the stored pixels (uint16 little endian,
frame after frame) and, for every circle ROI of rois.json, the mean of the rescaled pixels whose centres lie inside
the circle ((x − cx)² + (y − cy)² ≤ r², x = column, y = row), per frame. Reading is strict (invalid values raise).
"""
import hashlib, json, os, sys
import numpy as np
import pydicom

pydicom.config.settings.reading_validation_mode = pydicom.config.RAISE
def read_exam(folder):
  rois = json.load(open(os.path.join(folder, "rois.json"), encoding="utf-8"))["rois"]
  out = {}
  for root, _, names in os.walk(folder):
      for name in sorted(names):
          if not name.endswith(".dcm"):
              continue
          path = os.path.join(root, name)
          ds = pydicom.dcmread(path)
          a = ds.pixel_array
          frames = a.reshape((-1, ds.Rows, ds.Columns))
          if "PerFrameFunctionalGroupsSequence" in ds:
              tes = [float(f.MREchoSequence[0].EffectiveEchoTime) for f in ds.PerFrameFunctionalGroupsSequence]
              tr = float(ds.SharedFunctionalGroupsSequence[0].MRTimingAndRelatedParametersSequence[0].RepetitionTime)
              flip = float(ds.SharedFunctionalGroupsSequence[0].MRTimingAndRelatedParametersSequence[0].FlipAngle)
              t = ds.SharedFunctionalGroupsSequence[0].PixelValueTransformationSequence[0]
              slope, intercept = float(t.RescaleSlope), float(t.RescaleIntercept)
          else:
              tes = [float(ds.EchoTime)]
              tr, flip = float(ds.RepetitionTime), float(ds.FlipAngle)
              slope, intercept = float(ds.RescaleSlope), float(ds.RescaleIntercept)
          yy, xx = np.mgrid[0:ds.Rows, 0:ds.Columns]
          means = {}
          for r in rois:
              mask = (xx - r["center"]["x"]) ** 2 + (yy - r["center"]["y"]) ** 2 <= r["radius"] ** 2
              means[r["name"]] = [float((f.astype(np.float64) * slope + intercept)[mask].mean()) for f in frames]
          out[os.path.relpath(path, folder).replace(os.sep, "/")] = {
              "sopClassUid": str(ds.SOPClassUID), "sopInstanceUid": str(ds.SOPInstanceUID), "studyInstanceUid": str(ds.StudyInstanceUID),
              "seriesInstanceUid": str(ds.SeriesInstanceUID), "patientId": str(ds.PatientID), "modality": str(ds.Modality),
              "rows": int(ds.Rows), "columns": int(ds.Columns), "bitsStored": int(ds.BitsStored), "field": float(ds.MagneticFieldStrength),
              "echoTimes": tes, "repetitionTime": tr, "flipAngle": flip, "rescaleSlope": slope,
              "pixelSha256": hashlib.sha256(frames.astype("<u2").tobytes()).hexdigest(), "roiMeans": means,
          }
  return out

print(json.dumps({folder: read_exam(folder) for folder in sys.argv[1:]}))
