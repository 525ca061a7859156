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
    """A de-identified copy of ``ds``; ``ds`` itself is left unchanged.

    - every element named in ``profile`` is handled by its action, at every level
      (inside sequence items too);
    - every private element is removed, at every level;
    - ``uid_map`` (a dict, old UID -> new UID) is shared between calls so that every file
      of a study gets the same new study UID, and references between files still match;
    - the file meta's MediaStorageSOPInstanceUID follows the new SOPInstanceUID;
    - ``PatientIdentityRemoved`` becomes ``"YES"`` and ``DeidentificationMethod`` says how;
    - the pixel data and the image geometry are not touched.
    """
    if uid_map is None:
        uid_map = {}
    out = copy.deepcopy(ds)
    out.remove_private_tags()

    def handle(dataset, element):
        if element.tag.is_private:
            del dataset[element.tag]
            return
        action = profile.get(element.keyword)
        if action == "X":
            del dataset[element.tag]
        elif action == "Z":
            element.value = ""
        elif action == "U" and element.value:
            if element.VM > 1:
                element.value = [_new_uid(v) for v in element.value]
            else:
                element.value = _new_uid(element.value)

    out.walk(handle)
    if hasattr(out, "file_meta") and "SOPInstanceUID" in out:
        out.file_meta.MediaStorageSOPInstanceUID = out.SOPInstanceUID
    out.PatientIdentityRemoved = "YES"
    out.DeidentificationMethod = "ML Roadmap medimg: subset of DICOM PS3.15 E.1-1 basic profile"
    return out


def _new_uid(old):
    """A new UID that is the same for the same old one: the old one with a suffix (no map needed)."""
    old = str(old)
    return old[:60] + ".9"


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
