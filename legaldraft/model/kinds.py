"""Every kind of document a spec can name (``jenis``), as the union the loader validates against."""
from __future__ import annotations

from typing import Annotated, Union

from pydantic import Field

from .document import KeputusanBupati, Pedoman, PeraturanBupati, PeraturanGubernur, PeraturanWaliKota
from .perubahan import PencabutanBupati, PerubahanBupati

Dokumen = Annotated[Union[PeraturanBupati, PeraturanWaliKota, PeraturanGubernur, Pedoman, KeputusanBupati, PerubahanBupati, PencabutanBupati],
                    Field(discriminator="jenis")]
JENIS = {"perbup": PeraturanBupati, "perwali": PeraturanWaliKota, "pergub": PeraturanGubernur, "pedoman": Pedoman, "keputusan": KeputusanBupati,
         "perubahan": PerubahanBupati, "pencabutan": PencabutanBupati}
