"""Medical image analysis on synthetic CT: DICOM, windowing, de-identification, a lesion
classifier, a U-Net, Grad-CAM. Run ``python -m medimg --help``; see README.md.

Everything here runs on synthetic scans: no real patient data is shipped or generated.
"""
