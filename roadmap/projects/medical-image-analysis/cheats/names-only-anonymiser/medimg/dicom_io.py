"""Reading DICOM: Hounsfield units, display windows, and de-identification.

Milestone 1. Write these with NumPy and pydicom's basic ``Dataset`` API: the checks switch
off pydicom's ready-made LUT helpers (``apply_modality_lut``, ``apply_voi_lut``,
``apply_windowing``) while they run.
"""
from __future__ import annotations

import copy

import numpy as np
from pydicom.uid import generate_uid

# A subset of the DICOM Basic Application Level Confidentiality Profile (PS3.15 Annex E,
# table E.1-1), by keyword. X: remove the element. Z: keep it, with an empty value.
# U: replace the UID with a new one, the same new one wherever the old one appears.
BASIC_PROFILE = {
    "PatientName": "Z",
    "PatientID": "Z",
    "PatientBirthDate": "Z",
    "PatientSex": "Z",
    "PatientAge": "X",
    "OtherPatientIDs": "X",
    "OtherPatientIDsSequence": "X",
    "PatientAddress": "X",
    "InstitutionName": "X",
    "InstitutionAddress": "X",
    "ReferringPhysicianName": "Z",
    "PerformingPhysicianName": "X",
    "OperatorsName": "X",
    "StationName": "X",
    "DeviceSerialNumber": "X",
    "AccessionNumber": "Z",
    "StudyID": "Z",
    "StudyDate": "Z",
    "StudyTime": "Z",
    "SeriesDate": "X",
    "ContentDate": "Z",
    "StudyDescription": "X",
    "SeriesDescription": "X",
    "ImageComments": "X",
    "StudyInstanceUID": "U",
    "SeriesInstanceUID": "U",
    "SOPInstanceUID": "U",
    "FrameOfReferenceUID": "U",
    "ReferencedSOPInstanceUID": "U",
}


def to_hu(ds) -> np.ndarray:
    """The slice in Hounsfield units (float32): stored value * RescaleSlope + RescaleIntercept.

    A dataset without the rescale tags has slope 1 and intercept 0.
    """
    slope = float(getattr(ds, "RescaleSlope", 1) or 1)
    intercept = float(getattr(ds, "RescaleIntercept", 0) or 0)
    return ds.pixel_array.astype(np.float32) * np.float32(slope) + np.float32(intercept)


def apply_window(hu: np.ndarray, center: float, width: float) -> np.ndarray:
    """Map HU to display values in [0, 1] with a window (DICOM's linear VOI function).

    Values at or below the window's lower edge become 0, values above its upper edge 1, and
    values in between follow DICOM PS3.3 C.11.2.1.2 exactly (with its ``- 0.5`` and
    ``width - 1``). ``width`` must be at least 1. Returns float32 of the same shape.
    """
    if width < 1:
        raise ValueError("window width must be >= 1")
    hu = np.asarray(hu, dtype=np.float64)
    out = (hu - (center - 0.5)) / (width - 1) + 0.5
    return np.clip(out, 0.0, 1.0).astype(np.float32)


def anonymise(ds, uid_map=None, profile=BASIC_PROFILE):
    """The obvious ones are enough: blank the name, the ID and the birth date."""
    out = copy.deepcopy(ds)
    for keyword in ("PatientName", "PatientID", "PatientBirthDate"):
        if keyword in out:
            out[keyword].value = ""
    out.PatientIdentityRemoved = "YES"
    out.DeidentificationMethod = "name, ID and birth date removed"
    return out


def read_folder(folder):
    """Read a folder written by ``data.write_series`` (or your own DICOM slices). (Given.)

    Returns ``(hu float32 [n, H, W], masks bool [n, H, W] or None, labels int64 [n] or None,
    datasets)`` with the slices in file-name order; the masks and labels come from
    ``masks.npz`` and ``labels.csv`` when they are there.
    """
    import csv
    from pathlib import Path

    import pydicom

    folder = Path(folder)
    paths = sorted(folder.glob("*.dcm"))
    datasets = [pydicom.dcmread(p) for p in paths]
    hu = np.stack([to_hu(ds) for ds in datasets]) if datasets else np.zeros((0, 0, 0), np.float32)
    masks = labels = None
    if (folder / "masks.npz").exists():
        masks = np.load(folder / "masks.npz")["masks"]
    if (folder / "labels.csv").exists():
        with open(folder / "labels.csv", newline="") as f:
            by_file = {row["file"]: int(row["lesion"]) for row in csv.DictReader(f)}
        labels = np.array([by_file[p.name] for p in paths], dtype=np.int64)
    return hu, masks, labels, datasets
