"""Shared start-up for the scripts: run inside the project's .venv and find hooks/.

Contributors call scripts/validate from a shell or a pre-commit hook where the
virtual environment is usually not active; re-running under .venv/bin/python
saves them from a confusing ImportError.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"


def use_project_environment() -> None:
    in_venv = Path(sys.prefix).resolve() == (ROOT / ".venv").resolve()
    if not in_venv and VENV_PYTHON.exists() and not os.environ.get("CURRICULUM_NO_REEXEC"):
        os.execv(str(VENV_PYTHON), [str(VENV_PYTHON), sys.argv[0], *sys.argv[1:]])
    sys.path.insert(0, str(ROOT / "hooks"))
    try:
        import jsonschema  # noqa: F401
        import yaml  # noqa: F401
    except ImportError as error:
        sys.exit(f"{error.name} is not installed; run `make site` once to set up .venv")
