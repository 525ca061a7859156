"""Synthetic chest CT slices with lung nodules, and DICOM files made from them.

This file is GIVEN: you do not need to change it.

**Nothing here is, or is derived from, real patient data.** Every slice is drawn from
geometric shapes and noise with a seed: a body outline, two lungs, a spine, ribs, blood
vessels, and in about half of the slices a nodule (the "lesion") whose exact outline is
known. Values are Hounsfield units (HU), as in CT: air -1000, lung about -850, fat -100,
soft tissue about 40, bone several hundred.

The DICOM files carry obviously synthetic identifying values (``SYNTHETIC^PHANTOM^0007``,
``SYN-0007``, a birth date of 1900-01-01, a made-up institution, a private tag holding an
identifier) so that de-identification has something to remove.
"""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

SIZE = 64
LUNG_WINDOW = (-600.0, 1500.0)  # (centre, width) in HU
SOFT_TISSUE_WINDOW = (40.0, 400.0)


def _blur(img: np.ndarray, passes: int = 1) -> np.ndarray:
    """A cheap 3x3 box blur (edge-padded), applied ``passes`` times."""
    for _ in range(passes):
        p = np.pad(img, 1, mode="edge")
        img = sum(p[dy:dy + img.shape[0], dx:dx + img.shape[1]] for dy in range(3) for dx in range(3)) / 9.0
    return img


def _ellipse(yy, xx, cy, cx, ry, rx, angle=0.0):
    c, s = np.cos(angle), np.sin(angle)
    y, x = yy - cy, xx - cx
    u, v = x * c + y * s, -x * s + y * c
    return (u / rx) ** 2 + (v / ry) ** 2


def make_slice(rng: np.random.Generator, lesion: bool, size: int = SIZE):
    """One axial slice: ``(hu int16 [size, size], lesion mask bool [size, size])``."""
    yy, xx = np.mgrid[0:size, 0:size].astype(float) + 0.5
    img = np.full((size, size), -1000.0)
    # Body: soft tissue with a rim of fat.
    body_c = (size * rng.uniform(0.46, 0.58), size * rng.uniform(0.43, 0.57))
    body_r = (size * rng.uniform(0.32, 0.39), size * rng.uniform(0.41, 0.48))
    body = _ellipse(yy, xx, *body_c, *body_r)
    img[body <= 1] = -100.0
    img[body <= 0.8] = 40.0
    # Lungs.
    lungs = np.zeros((size, size), dtype=bool)
    for side in (-1, 1):
        cx = body_c[1] + side * body_r[1] * rng.uniform(0.42, 0.48)
        cy = body_c[0] - size * rng.uniform(0.0, 0.03)
        ry, rx = body_r[0] * rng.uniform(0.66, 0.74), body_r[1] * rng.uniform(0.27, 0.33)
        angle = side * rng.uniform(0.0, 0.25)
        inside = _ellipse(yy, xx, cy, cx, ry, rx, angle) <= 1
        lungs |= inside
    texture = _blur(rng.normal(0, 1, (size, size)), 2)
    img[lungs] = rng.uniform(-900, -760) + 60.0 * texture[lungs]
    # Spine and ribs.
    spine = _ellipse(yy, xx, body_c[0] + body_r[0] * 0.72, body_c[1], size * 0.055, size * 0.06) <= 1
    img[spine] = rng.uniform(500, 800)
    for t in np.linspace(0.15, 0.85, 7):
        for side in (-1, 1):
            a = np.pi * t
            ry0 = body_c[0] - body_r[0] * 0.86 * np.cos(a)
            rx0 = body_c[1] + side * body_r[1] * 0.86 * np.sin(a)
            _paint_disc(img, ry0, rx0, rng.uniform(0.8, 1.4), rng.uniform(300, 600))
    # Vessels: round cross-sections and short branches, inside the lungs.
    inside_lungs = {}
    for _ in range(int(rng.integers(3, 16))):
        cy, cx = _point_in(rng, lungs, margin=1, cache=inside_lungs)
        _paint_disc(img, cy, cx, rng.uniform(0.7, 1.8), rng.uniform(-60, 40), region=lungs)
    for _ in range(int(rng.integers(1, 6))):
        cy, cx = _point_in(rng, lungs, margin=2, cache=inside_lungs)
        a = rng.uniform(0, np.pi)
        length = rng.uniform(4, 14)
        half_width = rng.uniform(0.55, 0.95)
        # distance of every pixel centre to the segment from (cy, cx) along angle a
        dy, dx = np.sin(a), np.cos(a)
        along = np.clip((yy - cy) * dy + (xx - cx) * dx, 0, length)
        dist = np.hypot(yy - (cy + along * dy), xx - (cx + along * dx))
        img[(dist <= half_width) & lungs] = rng.uniform(-100, 0)
    mask = np.zeros((size, size), dtype=bool)
    if lesion:
        r = rng.uniform(3.0, 6.0)
        cy, cx = _point_in(rng, lungs, margin=r + 1.0)
        dist = np.sqrt((yy - cy) ** 2 + (xx - cx) ** 2)
        wobble = 1 + 0.12 * np.sin(3 * np.arctan2(yy - cy, xx - cx) + rng.uniform(0, 6.3))
        profile = np.clip((r * wobble - dist) / 0.8 + 0.5, 0, 1)  # soft edge, 1 inside
        density = rng.uniform(-20, 60)
        img = img * (1 - profile) + (density + 15.0 * texture) * profile
        mask = profile >= 0.5
    img = _blur(img, 1) * 0.5 + img * 0.5
    img = img + rng.normal(0, rng.uniform(15, 35), (size, size))
    return np.clip(np.round(img), -1024, 3071).astype(np.int16), mask


def _paint_disc(img, cy, cx, r, value, region=None):
    """Set the pixels whose centres are within ``r`` of (cy, cx) (and in ``region``) to ``value``."""
    h, w = img.shape
    y0, y1 = max(int(cy - r - 1), 0), min(int(cy + r + 2), h)
    x0, x1 = max(int(cx - r - 1), 0), min(int(cx + r + 2), w)
    if y0 >= y1 or x0 >= x1:
        return
    yy, xx = np.mgrid[y0:y1, x0:x1].astype(float) + 0.5
    hit = (yy - cy) ** 2 + (xx - cx) ** 2 <= r * r
    if region is not None:
        hit &= region[y0:y1, x0:x1]
    img[y0:y1, x0:x1][hit] = value


def _point_in(rng, region: np.ndarray, margin: float, cache=None):
    """A random point (y, x) inside ``region`` at least ``margin`` px from its edge."""
    steps = int(np.ceil(margin))
    candidates = None if cache is None else cache.get(steps)
    if candidates is None:
        inner = region.copy()
        for _ in range(steps):
            p = np.pad(inner, 1, constant_values=False)
            inner = inner & p[:-2, 1:-1] & p[2:, 1:-1] & p[1:-1, :-2] & p[1:-1, 2:]
        candidates = np.argwhere(inner if inner.any() else region)
        if cache is not None:
            cache[steps] = candidates
    y, x = candidates[rng.integers(len(candidates))]
    return y + rng.uniform(0.25, 0.75), x + rng.uniform(0.25, 0.75)


def make_dataset(n: int, seed: int, positive_rate: float = 0.5, size: int = SIZE):
    """``n`` slices from one seed: ``(hu int16 [n, size, size], masks bool [n, size, size], labels int64 [n])``."""
    rng = np.random.default_rng(seed)
    labels = (rng.random(n) < positive_rate).astype(np.int64)
    hu = np.zeros((n, size, size), dtype=np.int16)
    masks = np.zeros((n, size, size), dtype=bool)
    for i in range(n):
        hu[i], masks[i] = make_slice(rng, bool(labels[i]), size=size)
    return hu, masks, labels


# ----------------------------------------------------------------------------- DICOM
def synthetic_dataset(hu: np.ndarray, index: int, series: dict):
    """A CT image DICOM dataset for one slice, with synthetic identifying tags.

    ``series`` holds the UIDs shared by every slice of a series (see ``write_series``).
    Stored values are ``hu + 1024`` as unsigned 16-bit, with RescaleSlope 1 and
    RescaleIntercept -1024, the usual CT encoding.
    """
    import pydicom
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.sequence import Sequence
    from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian, generate_uid

    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = CTImageStorage
    meta.MediaStorageSOPInstanceUID = series["sop_uids"][index]
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = generate_uid(entropy_srcs=["ml-roadmap medimg"])
    ds = Dataset()
    ds.file_meta = meta
    ds.SOPClassUID = CTImageStorage
    ds.SOPInstanceUID = series["sop_uids"][index]
    ds.StudyInstanceUID = series["study_uid"]
    ds.SeriesInstanceUID = series["series_uid"]
    ds.FrameOfReferenceUID = series["frame_uid"]
    ds.Modality = "CT"
    ds.PatientName = f"SYNTHETIC^PHANTOM^{series['number']:04d}"
    ds.PatientID = f"SYN-{series['number']:04d}"
    ds.PatientBirthDate = "19000101"
    ds.PatientSex = "O"
    ds.PatientAge = "099Y"
    ds.OtherPatientIDs = f"SYN-ALT-{series['number']:04d}"
    ds.PatientAddress = "1 Synthetic Street, Nowhere"
    ds.InstitutionName = "Synthetic Phantom Lab"
    ds.InstitutionAddress = "0 Generator Road, Nowhere"
    ds.ReferringPhysicianName = "SYNTHETIC^REFERRER"
    ds.PerformingPhysicianName = "SYNTHETIC^RADIOLOGIST"
    ds.OperatorsName = "SYNTHETIC^OPERATOR"
    ds.StationName = "SYNTH-CT-01"
    ds.DeviceSerialNumber = "SN-000000"
    ds.AccessionNumber = f"ACC{series['number']:06d}"
    ds.StudyID = f"S{series['number']:04d}"
    ds.StudyDate = "20000101"
    ds.StudyTime = "120000"
    ds.SeriesDate = "20000101"
    ds.ContentDate = "20000101"
    ds.StudyDescription = "Synthetic chest CT (generated, not a patient)"
    ds.SeriesDescription = "Generated axial slices"
    ds.ImageComments = "Synthetic slice generated by medimg.data"
    ds.SeriesNumber = 1
    ds.InstanceNumber = index + 1
    ds.ImagePositionPatient = [0.0, 0.0, float(index) * 5.0]
    ds.ImageOrientationPatient = [1.0, 0.0, 0.0, 0.0, 1.0, 0.0]
    ds.SliceThickness = 5.0
    ds.PixelSpacing = [5.0, 5.0]
    if index > 0:
        ref = Dataset()
        ref.ReferencedSOPClassUID = CTImageStorage
        ref.ReferencedSOPInstanceUID = series["sop_uids"][index - 1]
        ds.ReferencedImageSequence = Sequence([ref])
    other = Dataset()
    other.PatientID = f"SYN-OLD-{series['number']:04d}"
    other.IssuerOfPatientID = "Synthetic Phantom Lab"
    ds.OtherPatientIDsSequence = Sequence([other])
    # A private block, as scanners write them; this one hides an identifier.
    block = ds.private_block(0x0009, "MLROADMAP SYNTHETIC", create=True)
    block.add_new(0x01, "LO", f"SYN-{series['number']:04d}")
    ds.Rows, ds.Columns = hu.shape
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.BitsAllocated = 16
    ds.BitsStored = 16
    ds.HighBit = 15
    ds.PixelRepresentation = 0
    ds.RescaleIntercept = -1024
    ds.RescaleSlope = 1
    ds.RescaleType = "HU"
    ds.WindowCenter = LUNG_WINDOW[0]
    ds.WindowWidth = LUNG_WINDOW[1]
    ds.PixelData = (hu.astype(np.int32) + 1024).clip(0, 65535).astype("<u2").tobytes()
    if int(pydicom.__version__.split(".")[0]) < 3:
        ds.is_little_endian = True
        ds.is_implicit_VR = False
    return ds


def save_dataset(ds, path) -> Path:
    """Write a dataset as a DICOM file (works with pydicom 2 and 3)."""
    import pydicom

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if int(pydicom.__version__.split(".")[0]) >= 3:
        ds.save_as(path, enforce_file_format=True)
    else:
        ds.save_as(path, write_like_original=False)
    return path


def new_series(number: int, n_slices: int) -> dict:
    """Fresh UIDs for a synthetic series of ``n_slices`` slices."""
    from pydicom.uid import generate_uid

    return {"number": number, "study_uid": generate_uid(), "series_uid": generate_uid(),
            "frame_uid": generate_uid(), "sop_uids": [generate_uid() for _ in range(n_slices)]}


def write_series(folder, hu: np.ndarray, masks: np.ndarray, labels: np.ndarray, number: int = 7) -> Path:
    """Write slices as ``slice_000.dcm`` ..., with ``labels.csv`` and ``masks.npz`` beside them."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    series = new_series(number, len(hu))
    for i, slice_hu in enumerate(hu):
        save_dataset(synthetic_dataset(slice_hu, i, series), folder / f"slice_{i:03d}.dcm")
    with open(folder / "labels.csv", "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["file", "lesion"])
        for i, label in enumerate(labels):
            writer.writerow([f"slice_{i:03d}.dcm", int(label)])
    np.savez_compressed(folder / "masks.npz", masks=masks)
    return folder
