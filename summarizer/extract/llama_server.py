"""`python -m summarizer.extract.llama_server ARGS…`: llama-cpp-python's server, with weight repacking off.

llama.cpp's CPU backend repacks weights into "extra buffer types" (AMX, AVX512 tiles) when the CPU
reports them. On machines whose CPU advertises AMX (`amx_int8`, `amx_tile` in /proc/cpuinfo) the
server built by `pip install llama-cpp-python` 0.3.36 segfaults on the first prompt longer than one
token (measured here: exit 139 on a plain chat request; the same request with `use_extra_bufts` off
answers). llama-cpp-python exposes no option for it, so the default model parameters are patched
before the server loads the model. Everything else is `python -m llama_cpp.server` unchanged.
"""

from __future__ import annotations

import runpy
import sys

import llama_cpp


def _without_extra_buffers():
    params = _default_params()
    params.use_extra_bufts = False
    return params


_default_params = llama_cpp.llama_model_default_params

if __name__ == "__main__":
    llama_cpp.llama_model_default_params = _without_extra_buffers
    import llama_cpp.llama

    llama_cpp.llama.llama_cpp.llama_model_default_params = _without_extra_buffers
    sys.argv[0] = "llama_cpp.server"
    runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)
