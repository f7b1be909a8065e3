"""Grounding: claim splitting and citation parsing (claims), the verifier seam and its local and
LLM-judge implementations (verifier, llm_judge), the support model (features, model, train) and the
answer policies (answer_policies)."""
