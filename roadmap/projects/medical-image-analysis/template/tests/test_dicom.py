"""Milestones 1 and 2: reading DICOM (HU, windows) and de-identification.

Every file here is synthetic, written by the given ``medimg.data`` with obviously made-up
identifying values.
"""
import copy

import numpy as np
import pydicom
import pytest
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence

from medimg.data import make_dataset, save_dataset, write_series
from medimg.dicom_io import BASIC_PROFILE, anonymise, apply_window, to_hu

IDENTIFYING = ["SYNTHETIC^PHANTOM^0007", "SYN-0007", "SYN-ALT-0007", "SYN-OLD-0007", "19000101", "099Y",
               "Synthetic Phantom Lab", "Synthetic Street", "Generator Road", "SYNTHETIC^REFERRER",
               "SYNTHETIC^RADIOLOGIST", "SYNTHETIC^OPERATOR", "SYNTH-CT-01", "SN-000000", "ACC000007", "S0007",
               "20000101", "Synthetic chest CT", "Generated axial slices", "Synthetic slice generated"]


@pytest.fixture(scope="module")
def series(tmp_path_factory):
    hu, masks, labels = make_dataset(3, seed=5)
    folder = write_series(tmp_path_factory.mktemp("series"), hu, masks, labels)
    return hu, [pydicom.dcmread(p) for p in sorted(folder.glob("*.dcm"))]


def _all_values(ds):
    """Every element of ``ds`` and its sequences, as (keyword, tag, value) but the pixel data."""
    out = []

    def visit(dataset, element):
        if element.keyword != "PixelData" and element.VR != "SQ":
            out.append((element.keyword, element.tag, element.value))

    ds.walk(visit)
    return out


def test_hu_from_stored_values(series):
    hu, datasets = series
    values = to_hu(datasets[0])
    assert isinstance(values, np.ndarray) and values.shape == (64, 64), "to_hu returns the slice as an array"
    assert np.array_equal(values, hu[0].astype(np.float32)), (
        "stored values + RescaleIntercept (-1024) must give back the HU the slice was made of"
    )
    ds = Dataset()
    ds.Rows, ds.Columns, ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, 3, 1, "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 0
    ds.PixelData = np.array([[0, 500, 2000]], dtype="<u2").tobytes()
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.file_meta = pydicom.dataset.FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = pydicom.uid.ExplicitVRLittleEndian
    assert np.allclose(to_hu(ds), [[0, 500, 2000]]), "no rescale tags: slope 1, intercept 0"
    ds.RescaleSlope, ds.RescaleIntercept = 2, -1000
    assert np.allclose(to_hu(ds), [[-1000, 0, 3000]]), "HU = stored * RescaleSlope + RescaleIntercept"


def test_window_hand_case():
    hu = np.array([-200, -160, 40, 100, 239, 240, 1000], dtype=np.float32)
    # DICOM's linear window for centre 40, width 400: 0 up to c - 0.5 - (w - 1) / 2 = -160,
    # 1 above c - 0.5 + (w - 1) / 2 = 239, and (x - (c - 0.5)) / (w - 1) + 0.5 in between.
    expected = [0.0, 0.0, 0.5 + 0.5 / 399, 0.5 + 60.5 / 399, 1.0, 1.0, 1.0]
    out = apply_window(hu, 40, 400)
    assert isinstance(out, np.ndarray) and out.shape == hu.shape, "apply_window keeps the shape"
    assert np.allclose(out, expected, atol=1e-6), (
        f"window(40, 400) gave {np.round(out, 6).tolist()}, expected {expected}"
    )
    grid = apply_window(np.linspace(-1400, 400, 64).reshape(8, 8), -600, 1500)
    assert grid.shape == (8, 8) and grid.min() == 0.0 and grid.max() == 1.0, "a 2-D slice in, values in [0, 1] out"
    assert np.all(np.diff(grid.ravel()) >= 0), "the window is monotone"


def test_anonymise_removes_profile_tags(series, tmp_path):
    _, datasets = series
    original = copy.deepcopy(datasets[1])
    ds = copy.deepcopy(datasets[1])
    # A nested item carrying a name and a private element: the profile applies at every level.
    nested = Dataset()
    nested.PatientName = "SYNTHETIC^PHANTOM^0007"
    nested.ReferencedSOPClassUID = "1.2.840.10008.3.1.2.3.1"
    nested.add_new(0x00110010, "LO", "NESTED PRIVATE")
    nested.add_new(0x00111001, "LO", "SYN-0007")
    ds.ReferencedPatientSequence = Sequence([nested])
    ds = pydicom.dcmread(save_dataset(ds, tmp_path / "nested.dcm"))  # as it would come from a file
    before = copy.deepcopy(ds)
    anon = anonymise(ds, uid_map={})
    assert anon is not ds, "anonymise returns a new dataset"
    assert ds == before, "the dataset passed in must not change"
    assert datasets[1] == original
    for keyword, action in BASIC_PROFILE.items():
        if keyword not in original:
            continue
        present = keyword in anon
        value = anon[keyword].value if present else None
        if action == "X":
            assert not present, f"{keyword} must be removed (X)"
        elif action == "Z":
            assert present and value in ("", None), f"{keyword} must stay, emptied (Z); got {value!r}"
        elif action == "U":
            assert present and value != original[keyword].value, f"{keyword} must get a new UID (U)"
            assert pydicom.uid.UID(str(value)).is_valid, f"{keyword}: {value!r} is not a valid UID"
    inner = anon.ReferencedPatientSequence[0].get("PatientName") if "ReferencedPatientSequence" in anon else None
    assert inner in ("", None), "PatientName inside a sequence item must be emptied too"
    privates = [(k, t) for k, t, _ in _all_values(anon) if t.is_private]
    assert not privates, f"private elements must be removed at every level, found {privates}"
    leaks = [(k, v) for k, _, v in _all_values(anon) for s in IDENTIFYING if s.lower() in str(v).lower()]
    assert not leaks, f"identifying values are left: {leaks}"
    assert anon.PatientIdentityRemoved == "YES" and anon.get("DeidentificationMethod"), (
        "set PatientIdentityRemoved to YES and say how in DeidentificationMethod"
    )


def test_anonymise_keeps_pixels_and_geometry(series, tmp_path):
    _, datasets = series
    ds = datasets[2]
    anon = anonymise(ds, uid_map={})
    assert anon.PixelData == ds.PixelData, "the pixel data must be kept exactly"
    for keyword in ("Rows", "Columns", "PixelSpacing", "SliceThickness", "RescaleIntercept", "RescaleSlope",
                    "ImagePositionPatient", "ImageOrientationPatient", "Modality", "SOPClassUID",
                    "BitsAllocated", "PixelRepresentation", "WindowCenter", "WindowWidth"):
        assert anon.get(keyword) == ds.get(keyword), f"{keyword} is not identifying: keep it"
    path = save_dataset(anon, tmp_path / "anon.dcm")
    back = pydicom.dcmread(path)
    assert np.array_equal(to_hu(back), to_hu(ds)), "the anonymised file must read back to the same HU"
    assert back.file_meta.MediaStorageSOPInstanceUID == back.SOPInstanceUID, (
        "the file meta's MediaStorageSOPInstanceUID must follow the new SOPInstanceUID"
    )


def test_anonymise_series_uids_consistent(series):
    _, datasets = series
    uid_map = {}
    anon = [anonymise(ds, uid_map=uid_map) for ds in datasets]
    for keyword in ("StudyInstanceUID", "SeriesInstanceUID", "FrameOfReferenceUID"):
        values = {a[keyword].value for a in anon}
        assert len(values) == 1, f"{keyword}: every slice of the series must get the SAME new UID (share uid_map)"
        assert datasets[0][keyword].value not in values
    sops = [a.SOPInstanceUID for a in anon]
    assert len(set(sops)) == 3, "each slice keeps its own (new) SOPInstanceUID"
    for k in (1, 2):
        ref = anon[k].ReferencedImageSequence[0].ReferencedSOPInstanceUID
        assert ref == sops[k - 1], (
            f"slice {k} refers to slice {k - 1}: the reference inside ReferencedImageSequence must be mapped to "
            "the same new UID"
        )
    old = {str(ds[k].value) for ds in datasets
           for k in ("StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID", "FrameOfReferenceUID")}
    left = [(kw, v) for a in anon for kw, _, v in _all_values(a) if str(v) in old]
    assert not left, f"old UIDs are left: {left}"
    # A new UID made from the old one (a suffix added, a digit changed) still leads back to the
    # archive: no run of 12 characters from the end of an old UID may appear in a new value.
    pieces = {u[-24:][i:i + 12] for u in old for i in range(13)}
    derived = [(kw, str(v)) for a in anon for kw, _, v in _all_values(a) if any(p in str(v) for p in pieces)]
    assert not derived, (
        f"new UIDs are made from the old ones: {derived[:2]}. Generate fresh ones (generate_uid) and keep "
        "the old -> new pairs in uid_map"
    )
    assert anon[0].SOPClassUID == datasets[0].SOPClassUID, "SOPClassUID names the kind of object: keep it"
