"""Execute a notebook in place, deterministically, in the running environment.

``python -m framing.notebook_run notebooks/01_corpus.ipynb [...]``

* the kernel is ``python3`` from *this* interpreter (``sys.executable``), not
  whatever kernelspec a user has installed, so the notebook runs against the
  same installed ``framing`` as the tests (like nbval's ``--nbval-current-env``);
* the working directory is the notebook's folder, as in JupyterLab and nbval;
* ``PYTHONHASHSEED=0`` for the kernel;
* no timing metadata, execution counts 1, 2, 3, ... in cell order, no kernel
  version strings; written with a trailing newline in nbformat's key order.

So a committed notebook only changes when what it prints changes.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

__all__ = ["run", "tidy", "main"]

KERNEL_NAME = "python3"
_CELL_METADATA_DROP = ("execution", "ExecuteTime", "collapsed", "scrolled")


def _kernel_manager():
    import ipykernel.kernelspec
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    class _CurrentEnvSpecs(KernelSpecManager):
        def get_kernel_spec(self, kernel_name):
            if kernel_name == KERNEL_NAME:
                return self.kernel_spec_class(resource_dir=ipykernel.kernelspec.RESOURCES,
                                              **ipykernel.kernelspec.get_kernel_dict())
            return super().get_kernel_spec(kernel_name)

    return KernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=_CurrentEnvSpecs())


def tidy(nb):
    """Strip run-dependent metadata and renumber executions in place."""
    count = 0
    for cell in nb.cells:
        for key in _CELL_METADATA_DROP:
            cell.metadata.pop(key, None)
        if cell.cell_type != "code":
            continue
        if cell.get("outputs") or cell.source.strip():
            count += 1
            cell.execution_count = count
            for out in cell.outputs:
                if "execution_count" in out:
                    out["execution_count"] = count
                out.get("metadata", {}).pop("execution", None)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                 "name": KERNEL_NAME}
    info = nb.metadata.get("language_info", {})
    nb.metadata["language_info"] = {k: v for k, v in info.items() if k != "version"}
    nb.metadata.pop("widgets", None)
    return nb


def run(path, *, timeout: int = 600) -> Path:
    """Execute ``path`` in place and write it back; raises on the first failing cell."""
    import nbformat
    from nbclient import NotebookClient

    path = Path(path).resolve()
    nb = nbformat.read(path, as_version=4)
    os.environ["PYTHONHASHSEED"] = "0"
    client = NotebookClient(nb, timeout=timeout, kernel_name=KERNEL_NAME,
                            km=_kernel_manager(), record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    with open(os.devnull, "w") as quiet:  # kernel start/stop chatter, not results
        client.execute(cwd=str(path.parent), stderr=quiet)
    tidy(nb)
    text = nbformat.writes(nb) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m framing.notebook_run",
                                     description="Execute notebooks in place, deterministically.")
    parser.add_argument("notebooks", nargs="+")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    args = parser.parse_args(argv)
    for nb in args.notebooks:
        try:
            run(nb, timeout=args.timeout)
        except Exception as exc:  # report which notebook failed, then stop
            print(f"{nb}: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
        print(f"executed {nb}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
