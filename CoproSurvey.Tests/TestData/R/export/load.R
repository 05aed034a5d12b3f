# Loads data.csv of the CoproSurvey export of study "coproduction" into the data frame `survey`:
# missing codes become NA, variables with value labels become factors, each column gets its label as attribute "label".
# Run from the bundle's folder: source("load.R", encoding = "UTF-8")

survey <- read.csv("data.csv", fileEncoding = "UTF-8", check.names = FALSE, stringsAsFactors = FALSE, na.strings = "",
  colClasses = c("response_id" = "numeric", "audience" = "character", "country" = "character", "policy_field" = "character", "service_unit" = "character", "language" = "character", "instrument_key" = "character", "instrument_sha256" = "character", "translation_sha256" = "character", "status" = "character", "started_at" = "character", "completed_at" = "character", "duration_seconds" = "numeric", "c_use_safety" = "numeric", "c_use_environment" = "numeric", "c_use_health" = "numeric", "c_use_education" = "numeric", "c_use_adult_education" = "numeric", "c_use_social_care" = "numeric", "c_use_none" = "numeric", "c_sal_1" = "numeric", "c_sal_2" = "numeric", "c_sal_3" = "numeric", "c_sat" = "numeric", "c_reach_info" = "numeric", "c_reach_consult" = "numeric", "c_ind_saf_1" = "numeric", "c_ind_saf_2" = "numeric", "c_ind_saf_3" = "numeric", "c_ind_saf_4" = "numeric", "c_ind_env_1" = "numeric", "c_ind_env_2" = "numeric", "c_ind_env_3" = "numeric", "c_ind_env_4" = "numeric", "c_ind_hea_1" = "numeric", "c_ind_hea_2" = "numeric", "c_ind_hea_3" = "numeric", "c_ind_hea_4" = "numeric", "c_ind_edu_1" = "numeric", "c_ind_edu_2" = "numeric", "c_ind_edu_3" = "numeric", "c_ind_edu_4" = "numeric", "c_ind_soc_1" = "numeric", "c_ind_soc_2" = "numeric", "c_ind_soc_3" = "numeric", "c_ind_soc_4" = "numeric", "c_col_1" = "numeric", "c_col_2" = "numeric", "c_col_3" = "numeric", "c_col_4" = "numeric", "mirror_will_1" = "numeric", "mirror_will_2" = "numeric", "mirror_will_3" = "numeric", "mirror_will_4" = "numeric", "mirror_will_010" = "numeric", "c_eff_int_1" = "numeric", "c_eff_int_2" = "numeric", "c_eff_int_3" = "numeric", "c_eff_int_4" = "numeric", "c_ease_1" = "numeric", "c_ease_2" = "numeric", "c_ease_3" = "numeric", "mirror_comp_1" = "numeric", "mirror_comp_2" = "numeric", "mirror_comp_3" = "numeric", "c_eff_ext_1" = "numeric", "c_eff_ext_2" = "numeric", "c_eff_ext_3" = "numeric", "mirror_value_1" = "numeric", "mirror_value_2" = "numeric", "mirror_value_3" = "numeric", "c_trust_gov" = "numeric", "c_trust_mun" = "numeric", "c_trust_cit" = "numeric", "c_mot_int_1" = "numeric", "c_mot_int_2" = "numeric", "c_mot_int_3" = "numeric", "c_mot_soc_1" = "numeric", "c_mot_soc_2" = "numeric", "c_mot_soc_3" = "numeric", "c_mot_norm_1" = "numeric", "c_mot_norm_2" = "numeric", "c_mot_norm_3" = "numeric", "c_mot_mat_1" = "numeric", "c_mot_mat_2" = "numeric", "c_mot_mat_3" = "numeric", "c_comm_1" = "numeric", "c_comm_2" = "numeric", "c_comm_3" = "numeric", "c_comm_4" = "numeric", "c_res_safe" = "numeric", "c_res_clean" = "numeric", "c_res_health" = "numeric", "c_age" = "numeric", "c_gender" = "numeric", "c_edu" = "numeric", "c_emp" = "numeric", "c_area" = "numeric", "c_hours" = "numeric", "p_role" = "numeric", "p_org_type" = "numeric", "p_tenure" = "numeric", "p_contact" = "numeric", "p_involved" = "numeric", "p_eng_1" = "numeric", "p_eng_2" = "numeric", "p_eng_3" = "numeric", "p_eng_4" = "numeric", "p_eng_5" = "numeric", "p_phases_commissioning" = "numeric", "p_phases_design" = "numeric", "p_phases_delivery" = "numeric", "p_phases_assessment" = "numeric", "p_phases_none" = "numeric", "p_cop_count" = "numeric", "p_cop_effect" = "numeric", "p_ben_eff_1" = "numeric", "p_ben_eff_2" = "numeric", "p_ben_dem_1" = "numeric", "p_ben_dem_2" = "numeric", "p_ben_resp_1" = "numeric", "p_ben_resp_2" = "numeric", "p_ben_acc_1" = "numeric", "p_ben_acc_2" = "numeric", "p_risk_1" = "numeric", "p_risk_2" = "numeric", "p_risk_3" = "numeric", "p_risk_4" = "numeric", "p_risk_5" = "numeric", "p_rt_1" = "numeric", "p_rt_2" = "numeric", "p_rt_3" = "numeric", "p_trust_cit_1" = "numeric", "p_trust_cit_2" = "numeric", "p_trust_cit_3" = "numeric", "p_trust_cit_4" = "numeric", "p_sup_1" = "numeric", "p_sup_2" = "numeric", "p_sup_3" = "numeric", "p_sup_4" = "numeric", "p_sup_5" = "numeric", "p_aut_1" = "numeric", "p_aut_2" = "numeric", "p_aut_3" = "numeric", "p_aut_4" = "numeric", "p_work_1" = "numeric", "p_work_2" = "numeric", "p_work_3" = "numeric", "p_work_4" = "numeric", "p_skill_1" = "numeric", "p_skill_2" = "numeric", "p_skill_3" = "numeric", "p_law_1" = "numeric", "p_law_2" = "numeric", "p_law_3" = "numeric", "p_age" = "numeric", "p_gender" = "numeric", "p_edu" = "numeric", "c_ind_saf" = "numeric", "c_ind_env" = "numeric", "c_ind_hea" = "numeric", "c_ind_edu" = "numeric", "c_ind_soc" = "numeric", "c_col" = "numeric", "c_eff_int" = "numeric", "c_eff_ext" = "numeric", "c_sal" = "numeric", "c_ease" = "numeric", "c_mot_int" = "numeric", "c_mot_soc" = "numeric", "c_mot_norm" = "numeric", "c_mot_mat" = "numeric", "c_comm" = "numeric", "mirror_will" = "numeric", "mirror_comp" = "numeric", "mirror_value" = "numeric", "p_eng" = "numeric", "p_ben" = "numeric", "p_risk" = "numeric", "p_rt" = "numeric", "p_trust_cit" = "numeric", "p_sup" = "numeric", "p_aut" = "numeric", "p_work" = "numeric", "p_skill" = "numeric", "p_law" = "numeric"))

# Missing codes (don't know, not asked, not reached, not answered, not applicable) to NA
survey[["c_use_safety"]][survey[["c_use_safety"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_use_environment"]][survey[["c_use_environment"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_use_health"]][survey[["c_use_health"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_use_education"]][survey[["c_use_education"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_use_adult_education"]][survey[["c_use_adult_education"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_use_social_care"]][survey[["c_use_social_care"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_use_none"]][survey[["c_use_none"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_sal_1"]][survey[["c_sal_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_sal_2"]][survey[["c_sal_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_sal_3"]][survey[["c_sal_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_sat"]][survey[["c_sat"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_reach_info"]][survey[["c_reach_info"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_reach_consult"]][survey[["c_reach_consult"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_saf_1"]][survey[["c_ind_saf_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_saf_2"]][survey[["c_ind_saf_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_saf_3"]][survey[["c_ind_saf_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_saf_4"]][survey[["c_ind_saf_4"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_env_1"]][survey[["c_ind_env_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_env_2"]][survey[["c_ind_env_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_env_3"]][survey[["c_ind_env_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_env_4"]][survey[["c_ind_env_4"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_hea_1"]][survey[["c_ind_hea_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_hea_2"]][survey[["c_ind_hea_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_hea_3"]][survey[["c_ind_hea_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_hea_4"]][survey[["c_ind_hea_4"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_edu_1"]][survey[["c_ind_edu_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_edu_2"]][survey[["c_ind_edu_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_edu_3"]][survey[["c_ind_edu_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_edu_4"]][survey[["c_ind_edu_4"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_soc_1"]][survey[["c_ind_soc_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_soc_2"]][survey[["c_ind_soc_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_soc_3"]][survey[["c_ind_soc_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_soc_4"]][survey[["c_ind_soc_4"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_col_1"]][survey[["c_col_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_col_2"]][survey[["c_col_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_col_3"]][survey[["c_col_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_col_4"]][survey[["c_col_4"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["mirror_will_1"]][survey[["mirror_will_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["mirror_will_2"]][survey[["mirror_will_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["mirror_will_3"]][survey[["mirror_will_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["mirror_will_4"]][survey[["mirror_will_4"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["mirror_will_010"]][survey[["mirror_will_010"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_eff_int_1"]][survey[["c_eff_int_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_eff_int_2"]][survey[["c_eff_int_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_eff_int_3"]][survey[["c_eff_int_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_eff_int_4"]][survey[["c_eff_int_4"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ease_1"]][survey[["c_ease_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ease_2"]][survey[["c_ease_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ease_3"]][survey[["c_ease_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["mirror_comp_1"]][survey[["mirror_comp_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["mirror_comp_2"]][survey[["mirror_comp_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["mirror_comp_3"]][survey[["mirror_comp_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_eff_ext_1"]][survey[["c_eff_ext_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_eff_ext_2"]][survey[["c_eff_ext_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_eff_ext_3"]][survey[["c_eff_ext_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["mirror_value_1"]][survey[["mirror_value_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["mirror_value_2"]][survey[["mirror_value_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["mirror_value_3"]][survey[["mirror_value_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_trust_gov"]][survey[["c_trust_gov"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_trust_mun"]][survey[["c_trust_mun"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_trust_cit"]][survey[["c_trust_cit"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_mot_int_1"]][survey[["c_mot_int_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_mot_int_2"]][survey[["c_mot_int_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_mot_int_3"]][survey[["c_mot_int_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_mot_soc_1"]][survey[["c_mot_soc_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_mot_soc_2"]][survey[["c_mot_soc_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_mot_soc_3"]][survey[["c_mot_soc_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_mot_norm_1"]][survey[["c_mot_norm_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_mot_norm_2"]][survey[["c_mot_norm_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_mot_norm_3"]][survey[["c_mot_norm_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_mot_mat_1"]][survey[["c_mot_mat_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_mot_mat_2"]][survey[["c_mot_mat_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_mot_mat_3"]][survey[["c_mot_mat_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_comm_1"]][survey[["c_comm_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_comm_2"]][survey[["c_comm_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_comm_3"]][survey[["c_comm_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_comm_4"]][survey[["c_comm_4"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_res_safe"]][survey[["c_res_safe"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_res_clean"]][survey[["c_res_clean"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_res_health"]][survey[["c_res_health"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_age"]][survey[["c_age"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_gender"]][survey[["c_gender"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_edu"]][survey[["c_edu"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_emp"]][survey[["c_emp"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_area"]][survey[["c_area"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_hours"]][survey[["c_hours"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_role"]][survey[["p_role"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_org_type"]][survey[["p_org_type"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_tenure"]][survey[["p_tenure"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_contact"]][survey[["p_contact"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_involved"]][survey[["p_involved"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_eng_1"]][survey[["p_eng_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_eng_2"]][survey[["p_eng_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_eng_3"]][survey[["p_eng_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_eng_4"]][survey[["p_eng_4"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_eng_5"]][survey[["p_eng_5"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_phases_commissioning"]][survey[["p_phases_commissioning"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_phases_design"]][survey[["p_phases_design"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_phases_delivery"]][survey[["p_phases_delivery"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_phases_assessment"]][survey[["p_phases_assessment"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_phases_none"]][survey[["p_phases_none"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_cop_count"]][survey[["p_cop_count"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_cop_effect"]][survey[["p_cop_effect"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_ben_eff_1"]][survey[["p_ben_eff_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_ben_eff_2"]][survey[["p_ben_eff_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_ben_dem_1"]][survey[["p_ben_dem_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_ben_dem_2"]][survey[["p_ben_dem_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_ben_resp_1"]][survey[["p_ben_resp_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_ben_resp_2"]][survey[["p_ben_resp_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_ben_acc_1"]][survey[["p_ben_acc_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_ben_acc_2"]][survey[["p_ben_acc_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_risk_1"]][survey[["p_risk_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_risk_2"]][survey[["p_risk_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_risk_3"]][survey[["p_risk_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_risk_4"]][survey[["p_risk_4"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_risk_5"]][survey[["p_risk_5"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_rt_1"]][survey[["p_rt_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_rt_2"]][survey[["p_rt_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_rt_3"]][survey[["p_rt_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_trust_cit_1"]][survey[["p_trust_cit_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_trust_cit_2"]][survey[["p_trust_cit_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_trust_cit_3"]][survey[["p_trust_cit_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_trust_cit_4"]][survey[["p_trust_cit_4"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_sup_1"]][survey[["p_sup_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_sup_2"]][survey[["p_sup_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_sup_3"]][survey[["p_sup_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_sup_4"]][survey[["p_sup_4"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_sup_5"]][survey[["p_sup_5"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_aut_1"]][survey[["p_aut_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_aut_2"]][survey[["p_aut_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_aut_3"]][survey[["p_aut_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_aut_4"]][survey[["p_aut_4"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_work_1"]][survey[["p_work_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_work_2"]][survey[["p_work_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_work_3"]][survey[["p_work_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_work_4"]][survey[["p_work_4"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_skill_1"]][survey[["p_skill_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_skill_2"]][survey[["p_skill_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_skill_3"]][survey[["p_skill_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_law_1"]][survey[["p_law_1"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_law_2"]][survey[["p_law_2"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_law_3"]][survey[["p_law_3"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_age"]][survey[["p_age"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_gender"]][survey[["p_gender"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_edu"]][survey[["p_edu"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_saf"]][survey[["c_ind_saf"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_env"]][survey[["c_ind_env"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_hea"]][survey[["c_ind_hea"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_edu"]][survey[["c_ind_edu"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ind_soc"]][survey[["c_ind_soc"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_col"]][survey[["c_col"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_eff_int"]][survey[["c_eff_int"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_eff_ext"]][survey[["c_eff_ext"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_sal"]][survey[["c_sal"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_ease"]][survey[["c_ease"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_mot_int"]][survey[["c_mot_int"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_mot_soc"]][survey[["c_mot_soc"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_mot_norm"]][survey[["c_mot_norm"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_mot_mat"]][survey[["c_mot_mat"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["c_comm"]][survey[["c_comm"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["mirror_will"]][survey[["mirror_will"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["mirror_comp"]][survey[["mirror_comp"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["mirror_value"]][survey[["mirror_value"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_eng"]][survey[["p_eng"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_ben"]][survey[["p_ben"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_risk"]][survey[["p_risk"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_rt"]][survey[["p_rt"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_trust_cit"]][survey[["p_trust_cit"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_sup"]][survey[["p_sup"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_aut"]][survey[["p_aut"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_work"]][survey[["p_work"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_skill"]][survey[["p_skill"]] %in% c(-1, -2, -3, -4, -5)] <- NA
survey[["p_law"]][survey[["p_law"]] %in% c(-1, -2, -3, -4, -5)] <- NA

# Value labels
survey[["c_use_safety"]] <- factor(survey[["c_use_safety"]], levels = c(0, 1), labels = c("Not chosen", "Chosen"))
survey[["c_use_environment"]] <- factor(survey[["c_use_environment"]], levels = c(0, 1), labels = c("Not chosen", "Chosen"))
survey[["c_use_health"]] <- factor(survey[["c_use_health"]], levels = c(0, 1), labels = c("Not chosen", "Chosen"))
survey[["c_use_education"]] <- factor(survey[["c_use_education"]], levels = c(0, 1), labels = c("Not chosen", "Chosen"))
survey[["c_use_adult_education"]] <- factor(survey[["c_use_adult_education"]], levels = c(0, 1), labels = c("Not chosen", "Chosen"))
survey[["c_use_social_care"]] <- factor(survey[["c_use_social_care"]], levels = c(0, 1), labels = c("Not chosen", "Chosen"))
survey[["c_use_none"]] <- factor(survey[["c_use_none"]], levels = c(0, 1), labels = c("Not chosen", "Chosen"))
survey[["c_sal_1"]] <- factor(survey[["c_sal_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_sal_2"]] <- factor(survey[["c_sal_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_sal_3"]] <- factor(survey[["c_sal_3"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_sat"]] <- factor(survey[["c_sat"]], levels = c(1, 2, 3, 4, 5), labels = c("Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"))
survey[["c_reach_info"]] <- factor(survey[["c_reach_info"]], levels = c(1, 2), labels = c("Yes", "No"))
survey[["c_reach_consult"]] <- factor(survey[["c_reach_consult"]], levels = c(1, 2), labels = c("Yes", "No"))
survey[["c_ind_saf_1"]] <- factor(survey[["c_ind_saf_1"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["c_ind_saf_2"]] <- factor(survey[["c_ind_saf_2"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["c_ind_saf_3"]] <- factor(survey[["c_ind_saf_3"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["c_ind_saf_4"]] <- factor(survey[["c_ind_saf_4"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["c_ind_env_1"]] <- factor(survey[["c_ind_env_1"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["c_ind_env_2"]] <- factor(survey[["c_ind_env_2"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["c_ind_env_3"]] <- factor(survey[["c_ind_env_3"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["c_ind_env_4"]] <- factor(survey[["c_ind_env_4"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["c_ind_hea_1"]] <- factor(survey[["c_ind_hea_1"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["c_ind_hea_2"]] <- factor(survey[["c_ind_hea_2"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["c_ind_hea_3"]] <- factor(survey[["c_ind_hea_3"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["c_ind_hea_4"]] <- factor(survey[["c_ind_hea_4"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["c_ind_edu_1"]] <- factor(survey[["c_ind_edu_1"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["c_ind_edu_2"]] <- factor(survey[["c_ind_edu_2"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["c_ind_edu_3"]] <- factor(survey[["c_ind_edu_3"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["c_ind_edu_4"]] <- factor(survey[["c_ind_edu_4"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["c_ind_soc_1"]] <- factor(survey[["c_ind_soc_1"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["c_ind_soc_2"]] <- factor(survey[["c_ind_soc_2"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["c_ind_soc_3"]] <- factor(survey[["c_ind_soc_3"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["c_ind_soc_4"]] <- factor(survey[["c_ind_soc_4"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["c_col_1"]] <- factor(survey[["c_col_1"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["c_col_2"]] <- factor(survey[["c_col_2"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["c_col_3"]] <- factor(survey[["c_col_3"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["c_col_4"]] <- factor(survey[["c_col_4"]], levels = c(1, 2, 3), labels = c("Never", "Sometimes", "Often"))
survey[["mirror_will_1"]] <- factor(survey[["mirror_will_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["mirror_will_2"]] <- factor(survey[["mirror_will_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["mirror_will_3"]] <- factor(survey[["mirror_will_3"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["mirror_will_4"]] <- factor(survey[["mirror_will_4"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["mirror_will_010"]] <- factor(survey[["mirror_will_010"]], levels = c(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), labels = c("0 - Not at all willing", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10 - Completely willing"))
survey[["c_eff_int_1"]] <- factor(survey[["c_eff_int_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_eff_int_2"]] <- factor(survey[["c_eff_int_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_eff_int_3"]] <- factor(survey[["c_eff_int_3"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_eff_int_4"]] <- factor(survey[["c_eff_int_4"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_ease_1"]] <- factor(survey[["c_ease_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_ease_2"]] <- factor(survey[["c_ease_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_ease_3"]] <- factor(survey[["c_ease_3"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["mirror_comp_1"]] <- factor(survey[["mirror_comp_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["mirror_comp_2"]] <- factor(survey[["mirror_comp_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["mirror_comp_3"]] <- factor(survey[["mirror_comp_3"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_eff_ext_1"]] <- factor(survey[["c_eff_ext_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_eff_ext_2"]] <- factor(survey[["c_eff_ext_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_eff_ext_3"]] <- factor(survey[["c_eff_ext_3"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["mirror_value_1"]] <- factor(survey[["mirror_value_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["mirror_value_2"]] <- factor(survey[["mirror_value_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["mirror_value_3"]] <- factor(survey[["mirror_value_3"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_trust_gov"]] <- factor(survey[["c_trust_gov"]], levels = c(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), labels = c("0 - No trust at all", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10 - Complete trust"))
survey[["c_trust_mun"]] <- factor(survey[["c_trust_mun"]], levels = c(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), labels = c("0 - No trust at all", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10 - Complete trust"))
survey[["c_trust_cit"]] <- factor(survey[["c_trust_cit"]], levels = c(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), labels = c("0 - No trust at all", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10 - Complete trust"))
survey[["c_mot_int_1"]] <- factor(survey[["c_mot_int_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_mot_int_2"]] <- factor(survey[["c_mot_int_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_mot_int_3"]] <- factor(survey[["c_mot_int_3"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_mot_soc_1"]] <- factor(survey[["c_mot_soc_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_mot_soc_2"]] <- factor(survey[["c_mot_soc_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_mot_soc_3"]] <- factor(survey[["c_mot_soc_3"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_mot_norm_1"]] <- factor(survey[["c_mot_norm_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_mot_norm_2"]] <- factor(survey[["c_mot_norm_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_mot_norm_3"]] <- factor(survey[["c_mot_norm_3"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_mot_mat_1"]] <- factor(survey[["c_mot_mat_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_mot_mat_2"]] <- factor(survey[["c_mot_mat_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_mot_mat_3"]] <- factor(survey[["c_mot_mat_3"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_comm_1"]] <- factor(survey[["c_comm_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_comm_2"]] <- factor(survey[["c_comm_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_comm_3"]] <- factor(survey[["c_comm_3"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_comm_4"]] <- factor(survey[["c_comm_4"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["c_res_safe"]] <- factor(survey[["c_res_safe"]], levels = c(1, 2, 3, 4), labels = c("Very unsafe", "Rather unsafe", "Rather safe", "Very safe"))
survey[["c_res_clean"]] <- factor(survey[["c_res_clean"]], levels = c(1, 2, 3, 4), labels = c("Not clean at all", "Not very clean", "Fairly clean", "Very clean"))
survey[["c_res_health"]] <- factor(survey[["c_res_health"]], levels = c(1, 2, 3, 4, 5), labels = c("Very poor", "Poor", "Fair", "Good", "Very good"))
survey[["c_age"]] <- factor(survey[["c_age"]], levels = c(1, 2, 3, 4, 5, 6, 7), labels = c("18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75 or older"))
survey[["c_gender"]] <- factor(survey[["c_gender"]], levels = c(1, 2, 3, 4), labels = c("Woman", "Man", "In another way", "I prefer not to say"))
survey[["c_edu"]] <- factor(survey[["c_edu"]], levels = c(1, 2, 3, 4), labels = c("Primary school or less", "Lower secondary education", "Upper secondary or vocational education", "College or university degree"))
survey[["c_emp"]] <- factor(survey[["c_emp"]], levels = c(1, 2, 3, 4, 5, 6, 7), labels = c("Employed", "Self-employed", "Looking for work", "In education", "Retired", "Looking after the home or family", "Something else"))
survey[["c_area"]] <- factor(survey[["c_area"]], levels = c(1, 2, 3), labels = c("In a city", "In a town or suburb", "In a village or the countryside"))
survey[["p_role"]] <- factor(survey[["p_role"]], levels = c(1, 2, 3, 4, 5), labels = c("I work directly with service users", "I lead a team that works with service users", "I manage a department or organisation", "I work on policy, planning or support", "Something else"))
survey[["p_org_type"]] <- factor(survey[["p_org_type"]], levels = c(1, 2, 3, 4, 5, 6), labels = c("A municipality or local authority", "A regional public body", "A national agency or ministry", "A non-profit organisation delivering a public service", "A company delivering a public service", "Another kind of organisation"))
survey[["p_contact"]] <- factor(survey[["p_contact"]], levels = c(1, 2, 3, 4, 5), labels = c("Never", "Less than once a month", "Monthly", "Weekly", "Daily"))
survey[["p_involved"]] <- factor(survey[["p_involved"]], levels = c(1, 2), labels = c("Yes", "No"))
survey[["p_eng_1"]] <- factor(survey[["p_eng_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_eng_2"]] <- factor(survey[["p_eng_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_eng_3"]] <- factor(survey[["p_eng_3"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_eng_4"]] <- factor(survey[["p_eng_4"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_eng_5"]] <- factor(survey[["p_eng_5"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_phases_commissioning"]] <- factor(survey[["p_phases_commissioning"]], levels = c(0, 1), labels = c("Not chosen", "Chosen"))
survey[["p_phases_design"]] <- factor(survey[["p_phases_design"]], levels = c(0, 1), labels = c("Not chosen", "Chosen"))
survey[["p_phases_delivery"]] <- factor(survey[["p_phases_delivery"]], levels = c(0, 1), labels = c("Not chosen", "Chosen"))
survey[["p_phases_assessment"]] <- factor(survey[["p_phases_assessment"]], levels = c(0, 1), labels = c("Not chosen", "Chosen"))
survey[["p_phases_none"]] <- factor(survey[["p_phases_none"]], levels = c(0, 1), labels = c("Not chosen", "Chosen"))
survey[["p_cop_effect"]] <- factor(survey[["p_cop_effect"]], levels = c(1, 2, 3, 4, 5), labels = c("Much worse", "Somewhat worse", "No difference", "Somewhat better", "Much better"))
survey[["p_ben_eff_1"]] <- factor(survey[["p_ben_eff_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_ben_eff_2"]] <- factor(survey[["p_ben_eff_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_ben_dem_1"]] <- factor(survey[["p_ben_dem_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_ben_dem_2"]] <- factor(survey[["p_ben_dem_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_ben_resp_1"]] <- factor(survey[["p_ben_resp_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_ben_resp_2"]] <- factor(survey[["p_ben_resp_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_ben_acc_1"]] <- factor(survey[["p_ben_acc_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_ben_acc_2"]] <- factor(survey[["p_ben_acc_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_risk_1"]] <- factor(survey[["p_risk_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_risk_2"]] <- factor(survey[["p_risk_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_risk_3"]] <- factor(survey[["p_risk_3"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_risk_4"]] <- factor(survey[["p_risk_4"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_risk_5"]] <- factor(survey[["p_risk_5"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_rt_1"]] <- factor(survey[["p_rt_1"]], levels = c(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), labels = c("0 - Not at all", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10 - Very much"))
survey[["p_rt_2"]] <- factor(survey[["p_rt_2"]], levels = c(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), labels = c("0 - Not at all", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10 - Very much"))
survey[["p_rt_3"]] <- factor(survey[["p_rt_3"]], levels = c(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), labels = c("0 - Not at all", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10 - Very much"))
survey[["p_trust_cit_1"]] <- factor(survey[["p_trust_cit_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_trust_cit_2"]] <- factor(survey[["p_trust_cit_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_trust_cit_3"]] <- factor(survey[["p_trust_cit_3"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_trust_cit_4"]] <- factor(survey[["p_trust_cit_4"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_sup_1"]] <- factor(survey[["p_sup_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_sup_2"]] <- factor(survey[["p_sup_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_sup_3"]] <- factor(survey[["p_sup_3"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_sup_4"]] <- factor(survey[["p_sup_4"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_sup_5"]] <- factor(survey[["p_sup_5"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_aut_1"]] <- factor(survey[["p_aut_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_aut_2"]] <- factor(survey[["p_aut_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_aut_3"]] <- factor(survey[["p_aut_3"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_aut_4"]] <- factor(survey[["p_aut_4"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_work_1"]] <- factor(survey[["p_work_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_work_2"]] <- factor(survey[["p_work_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_work_3"]] <- factor(survey[["p_work_3"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_work_4"]] <- factor(survey[["p_work_4"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_skill_1"]] <- factor(survey[["p_skill_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_skill_2"]] <- factor(survey[["p_skill_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_skill_3"]] <- factor(survey[["p_skill_3"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_law_1"]] <- factor(survey[["p_law_1"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_law_2"]] <- factor(survey[["p_law_2"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_law_3"]] <- factor(survey[["p_law_3"]], levels = c(1, 2, 3, 4, 5), labels = c("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))
survey[["p_age"]] <- factor(survey[["p_age"]], levels = c(1, 2, 3, 4, 5, 6), labels = c("18-24", "25-34", "35-44", "45-54", "55-64", "65 or older"))
survey[["p_gender"]] <- factor(survey[["p_gender"]], levels = c(1, 2, 3, 4), labels = c("Woman", "Man", "In another way", "I prefer not to say"))
survey[["p_edu"]] <- factor(survey[["p_edu"]], levels = c(1, 2, 3, 4), labels = c("Primary school or less", "Lower secondary education", "Upper secondary or vocational education", "College or university degree"))

# Variable labels
attr(survey[["response_id"]], "label") <- "Pseudonymous response id"
attr(survey[["audience"]], "label") <- "Audience (citizen or professional)"
attr(survey[["country"]], "label") <- "Country (ISO 3166-1 alpha-2)"
attr(survey[["policy_field"]], "label") <- "Policy field"
attr(survey[["service_unit"]], "label") <- "Service unit"
attr(survey[["language"]], "label") <- "Language of the questionnaire"
attr(survey[["instrument_key"]], "label") <- "Instrument key"
attr(survey[["instrument_sha256"]], "label") <- "Instrument version (SHA-256 of its canonical JSON)"
attr(survey[["translation_sha256"]], "label") <- "Translation version the response was last shown (SHA-256 of its canonical JSON; empty in the source language)"
attr(survey[["status"]], "label") <- "Status (complete or partial)"
attr(survey[["started_at"]], "label") <- "Started (UTC)"
attr(survey[["completed_at"]], "label") <- "Completed (UTC)"
attr(survey[["duration_seconds"]], "label") <- "Duration in seconds (completed minus started)"
attr(survey[["c_use_safety"]], "label") <- "In the past 12 months, which of these services have you or someone in your household used or been in contact with?: Police, fire brigade or other public safety services"
attr(survey[["c_use_environment"]], "label") <- "In the past 12 months, which of these services have you or someone in your household used or been in contact with?: Waste collection, parks or street cleaning"
attr(survey[["c_use_health"]], "label") <- "In the past 12 months, which of these services have you or someone in your household used or been in contact with?: A doctor, hospital or other health service"
attr(survey[["c_use_education"]], "label") <- "In the past 12 months, which of these services have you or someone in your household used or been in contact with?: A school or nursery attended by a child in your household"
attr(survey[["c_use_adult_education"]], "label") <- "In the past 12 months, which of these services have you or someone in your household used or been in contact with?: Adult education or training"
attr(survey[["c_use_social_care"]], "label") <- "In the past 12 months, which of these services have you or someone in your household used or been in contact with?: Home care, support for older or disabled people, or social work"
attr(survey[["c_use_none"]], "label") <- "In the past 12 months, which of these services have you or someone in your household used or been in contact with?: None of these"
attr(survey[["c_sal_1"]], "label") <- "How much do you agree with these statements about the public services in your area?: What these services do affects my daily life a great deal."
attr(survey[["c_sal_2"]], "label") <- "How much do you agree with these statements about the public services in your area?: I pay attention to how well these services are run."
attr(survey[["c_sal_3"]], "label") <- "How much do you agree with these statements about the public services in your area?: Whether these services work well makes little difference to me."
attr(survey[["c_sat"]], "label") <- "All things considered, how satisfied are you with the public services in your area?"
attr(survey[["c_reach_info"]], "label") <- "In the past 12 months, has a public service told you how you could help it or contribute to it?"
attr(survey[["c_reach_consult"]], "label") <- "In the past 12 months, has a public service asked for your opinion, for example in a survey or a meeting?"
attr(survey[["c_ind_saf_1"]], "label") <- "How often do you do the following?: Check that doors and windows are properly closed before leaving home"
attr(survey[["c_ind_saf_2"]], "label") <- "How often do you do the following?: Keep an eye on a neighbour's home while they are away"
attr(survey[["c_ind_saf_3"]], "label") <- "How often do you do the following?: Leave a door or window unlocked when nobody is at home"
attr(survey[["c_ind_saf_4"]], "label") <- "How often do you do the following?: Tell the police or the municipality about a situation that seems unsafe"
attr(survey[["c_ind_env_1"]], "label") <- "And how often do you do these things?: Sort household waste so that it can be recycled"
attr(survey[["c_ind_env_2"]], "label") <- "And how often do you do these things?: Take bulky or hazardous waste to a collection point"
attr(survey[["c_ind_env_3"]], "label") <- "And how often do you do these things?: Pick up litter in your street, even if it is not yours"
attr(survey[["c_ind_env_4"]], "label") <- "And how often do you do these things?: Throw recyclable materials in with the general waste"
attr(survey[["c_ind_hea_1"]], "label") <- "How often do you do the following?: Take at least half an hour of physical exercise"
attr(survey[["c_ind_hea_2"]], "label") <- "How often do you do the following?: Take care to eat a balanced diet"
attr(survey[["c_ind_hea_3"]], "label") <- "How often do you do the following?: Follow the advice of your doctor or nurse about treatment or medication"
attr(survey[["c_ind_hea_4"]], "label") <- "How often do you do the following?: Skip a check-up or screening that was recommended to you"
attr(survey[["c_ind_edu_1"]], "label") <- "How often do you do the following for a child in your household?: Help with homework or school projects"
attr(survey[["c_ind_edu_2"]], "label") <- "How often do you do the following for a child in your household?: Talk with a teacher about how the child is doing"
attr(survey[["c_ind_edu_3"]], "label") <- "How often do you do the following for a child in your household?: Read together or encourage the child to read"
attr(survey[["c_ind_edu_4"]], "label") <- "How often do you do the following for a child in your household?: Leave questions about the child's learning to the school alone"
attr(survey[["c_ind_soc_1"]], "label") <- "How often do you do the following?: Help an older or disabled person with everyday tasks"
attr(survey[["c_ind_soc_2"]], "label") <- "How often do you do the following?: Keep in touch with a neighbour or relative who lives alone"
attr(survey[["c_ind_soc_3"]], "label") <- "How often do you do the following?: Leave the care of a relative entirely to professional carers"
attr(survey[["c_ind_soc_4"]], "label") <- "How often do you do the following?: Plan support or care arrangements together with the care provider"
attr(survey[["c_col_1"]], "label") <- "In the past 12 months, how often have you...: taken part in a neighbourhood watch or a residents' safety group"
attr(survey[["c_col_2"]], "label") <- "In the past 12 months, how often have you...: joined neighbours to clean up or green a street, park or square"
attr(survey[["c_col_3"]], "label") <- "In the past 12 months, how often have you...: turned down an invitation to join a group activity for a local service"
attr(survey[["c_col_4"]], "label") <- "In the past 12 months, how often have you...: attended a meeting where residents and a service planned improvements together"
attr(survey[["mirror_will_1"]], "label") <- "How much do you agree with the following?: Citizens are prepared to take on small tasks that help this service work better."
attr(survey[["mirror_will_2"]], "label") <- "How much do you agree with the following?: Citizens would give some of their free time to improve this service."
attr(survey[["mirror_will_3"]], "label") <- "How much do you agree with the following?: Citizens would rather leave everything about this service to the professionals."
attr(survey[["mirror_will_4"]], "label") <- "How much do you agree with the following?: If the service asked citizens for help, most would say yes."
attr(survey[["mirror_will_010"]], "label") <- "On a scale from 0 to 10, how willing do you think the citizens you serve are to help the service in some way during the coming year?"
attr(survey[["c_eff_int_1"]], "label") <- "How much do you agree with these statements?: I am confident that I can do my part to make local services work well."
attr(survey[["c_eff_int_2"]], "label") <- "How much do you agree with these statements?: When a service asks something of me, I know how to go about it."
attr(survey[["c_eff_int_3"]], "label") <- "How much do you agree with these statements?: I doubt that I have the skills to be of real help to a public service."
attr(survey[["c_eff_int_4"]], "label") <- "How much do you agree with these statements?: I can learn what is needed to contribute if I put my mind to it."
attr(survey[["c_ease_1"]], "label") <- "And how much do you agree with these statements?: It is easy to find out what I can do to help the service."
attr(survey[["c_ease_2"]], "label") <- "And how much do you agree with these statements?: Contributing takes me little time or effort."
attr(survey[["c_ease_3"]], "label") <- "And how much do you agree with these statements?: I often do not know what is expected of me."
attr(survey[["mirror_comp_1"]], "label") <- "And how much do you agree with these statements?: Citizens know enough to make a useful contribution to this service."
attr(survey[["mirror_comp_2"]], "label") <- "And how much do you agree with these statements?: Citizens can carry out tasks for this service as well as needed."
attr(survey[["mirror_comp_3"]], "label") <- "And how much do you agree with these statements?: Most tasks in this service are too complicated for citizens."
attr(survey[["c_eff_ext_1"]], "label") <- "How much do you agree with these statements?: Local officials take the views of residents seriously."
attr(survey[["c_eff_ext_2"]], "label") <- "How much do you agree with these statements?: Public services change things when residents point out a problem."
attr(survey[["c_eff_ext_3"]], "label") <- "How much do you agree with these statements?: People like me have no influence on how public services are run."
attr(survey[["mirror_value_1"]], "label") <- "And how much do you agree with these statements?: Ideas from citizens make this service better."
attr(survey[["mirror_value_2"]], "label") <- "And how much do you agree with these statements?: The service would miss important things without the views of citizens."
attr(survey[["mirror_value_3"]], "label") <- "And how much do you agree with these statements?: What citizens say mostly slows the service down."
attr(survey[["c_trust_gov"]], "label") <- "How much do you trust the national government?"
attr(survey[["c_trust_mun"]], "label") <- "How much do you trust your municipality or local council?"
attr(survey[["c_trust_cit"]], "label") <- "How much do you trust the other people living in your area?"
attr(survey[["c_mot_int_1"]], "label") <- "I would help a public service because...: I like doing this kind of thing."
attr(survey[["c_mot_int_2"]], "label") <- "I would help a public service because...: it gives me a sense of being good at something."
attr(survey[["c_mot_int_3"]], "label") <- "I would help a public service because...: I would find the activities themselves boring."
attr(survey[["c_mot_soc_1"]], "label") <- "I would help a public service because...: it lets me spend time with other people."
attr(survey[["c_mot_soc_2"]], "label") <- "I would help a public service because...: I get to meet people from my neighbourhood."
attr(survey[["c_mot_soc_3"]], "label") <- "I would help a public service because...: I prefer to do things on my own rather than with others."
attr(survey[["c_mot_norm_1"]], "label") <- "I would help a public service because...: it is part of being a good citizen."
attr(survey[["c_mot_norm_2"]], "label") <- "I would help a public service because...: I believe in what the service is trying to achieve."
attr(survey[["c_mot_norm_3"]], "label") <- "I would help a public service because...: it is not my job to do what the government is paid to do."
attr(survey[["c_mot_mat_1"]], "label") <- "How much do you agree with these statements?: I would be more likely to help a service if I got a discount or some money for it."
attr(survey[["c_mot_mat_2"]], "label") <- "How much do you agree with these statements?: Helping a service is worth it to me mainly when it saves me time or trouble later."
attr(survey[["c_mot_mat_3"]], "label") <- "How much do you agree with these statements?: Whether I get anything in return makes no difference to whether I help."
attr(survey[["c_comm_1"]], "label") <- "How much do you agree with these statements?: I care about what happens to people in my area, even those I do not know."
attr(survey[["c_comm_2"]], "label") <- "How much do you agree with these statements?: I am willing to put my own interests aside to help my community."
attr(survey[["c_comm_3"]], "label") <- "How much do you agree with these statements?: Making a difference for others matters more to me than personal gain."
attr(survey[["c_comm_4"]], "label") <- "How much do you agree with these statements?: I mainly look after myself and my family; others should do the same."
attr(survey[["c_res_safe"]], "label") <- "How safe do you feel walking alone in your neighbourhood after dark?"
attr(survey[["c_res_clean"]], "label") <- "How clean are the streets and public spaces in your neighbourhood?"
attr(survey[["c_res_health"]], "label") <- "How is your health in general?"
attr(survey[["c_age"]], "label") <- "How old are you?"
attr(survey[["c_gender"]], "label") <- "How do you describe yourself?"
attr(survey[["c_edu"]], "label") <- "What is the highest level of education you have completed?"
attr(survey[["c_emp"]], "label") <- "What is your main situation at the moment?"
attr(survey[["c_area"]], "label") <- "Where do you live?"
attr(survey[["c_hours"]], "label") <- "In an ordinary week, about how many hours of free time could you spend on helping a public service or your community? (hours per week)"
attr(survey[["p_role"]], "label") <- "Which of these best describes your position?"
attr(survey[["p_org_type"]], "label") <- "What kind of organisation do you work for?"
attr(survey[["p_tenure"]], "label") <- "For how many years have you worked in your current job? (years)"
attr(survey[["p_contact"]], "label") <- "How often are you in direct contact with citizens who use your service?"
attr(survey[["p_involved"]], "label") <- "In the past 12 months, have you worked together with citizens who actively contributed to the service, beyond simply receiving it?"
attr(survey[["p_eng_1"]], "label") <- "How much do you agree with the following?: Involving citizens is an important part of doing my job well."
attr(survey[["p_eng_2"]], "label") <- "How much do you agree with the following?: When citizens take part, the results of my work improve noticeably."
attr(survey[["p_eng_3"]], "label") <- "How much do you agree with the following?: I actively look for ways to involve citizens in my work."
attr(survey[["p_eng_4"]], "label") <- "How much do you agree with the following?: Involving citizens is a distraction from the real work of the service."
attr(survey[["p_eng_5"]], "label") <- "How much do you agree with the following?: I feel personally committed to making citizen involvement succeed."
attr(survey[["p_phases_commissioning"]], "label") <- "In which of these stages have citizens been involved in your work in the past 12 months?: Deciding what the service should offer"
attr(survey[["p_phases_design"]], "label") <- "In which of these stages have citizens been involved in your work in the past 12 months?: Designing how the service works"
attr(survey[["p_phases_delivery"]], "label") <- "In which of these stages have citizens been involved in your work in the past 12 months?: Delivering the service"
attr(survey[["p_phases_assessment"]], "label") <- "In which of these stages have citizens been involved in your work in the past 12 months?: Assessing or evaluating the service"
attr(survey[["p_phases_none"]], "label") <- "In which of these stages have citizens been involved in your work in the past 12 months?: None of these"
attr(survey[["p_cop_count"]], "label") <- "About how many citizens have you worked with in this way in the past 12 months? (citizens)"
attr(survey[["p_cop_effect"]], "label") <- "Overall, how did working with these citizens affect the quality of the service?"
attr(survey[["p_ben_eff_1"]], "label") <- "Involving citizens in my service...: ...makes better use of the money and staff we have."
attr(survey[["p_ben_eff_2"]], "label") <- "Involving citizens in my service...: ...costs more than it saves."
attr(survey[["p_ben_dem_1"]], "label") <- "Involving citizens in my service...: ...gives citizens a real say in public matters."
attr(survey[["p_ben_dem_2"]], "label") <- "Involving citizens in my service...: ...brings in voices that are otherwise rarely heard."
attr(survey[["p_ben_resp_1"]], "label") <- "Involving citizens in my service...: ...helps us respond to what citizens actually need."
attr(survey[["p_ben_resp_2"]], "label") <- "Involving citizens in my service...: ...makes us notice problems sooner."
attr(survey[["p_ben_acc_1"]], "label") <- "Involving citizens in my service...: ...makes it clearer to the public what we do and why."
attr(survey[["p_ben_acc_2"]], "label") <- "Involving citizens in my service...: ...makes it harder to tell who is responsible when something goes wrong."
attr(survey[["p_risk_1"]], "label") <- "How much do you agree with the following?: Involving citizens creates risks that my organisation would rather avoid."
attr(survey[["p_risk_2"]], "label") <- "How much do you agree with the following?: When citizens take on tasks, professionals lose control over the quality of the service."
attr(survey[["p_risk_3"]], "label") <- "How much do you agree with the following?: Involving citizens weakens the standing of professionals."
attr(survey[["p_risk_4"]], "label") <- "How much do you agree with the following?: Involving citizens puts an unfair burden on the most vulnerable users."
attr(survey[["p_risk_5"]], "label") <- "How much do you agree with the following?: The risks of involving citizens are easy to manage."
attr(survey[["p_rt_1"]], "label") <- "On a scale from 0 to 10, how much...: do rules and procedures slow down activities with citizens?"
attr(survey[["p_rt_2"]], "label") <- "On a scale from 0 to 10, how much...: paperwork is needed before citizens can take part?"
attr(survey[["p_rt_3"]], "label") <- "On a scale from 0 to 10, how much...: do the rules leave you room to involve citizens in a simple way?"
attr(survey[["p_trust_cit_1"]], "label") <- "How much do you agree with the following?: Citizens who take part in the service are capable of doing what is asked."
attr(survey[["p_trust_cit_2"]], "label") <- "How much do you agree with the following?: Citizens are honest about what they can and cannot do."
attr(survey[["p_trust_cit_3"]], "label") <- "How much do you agree with the following?: Citizens often give up on tasks they have agreed to do."
attr(survey[["p_trust_cit_4"]], "label") <- "How much do you agree with the following?: Citizens who get involved take their role seriously."
attr(survey[["p_sup_1"]], "label") <- "How much do you agree with the following about your organisation?: My managers encourage staff to involve citizens."
attr(survey[["p_sup_2"]], "label") <- "How much do you agree with the following about your organisation?: Staff who involve citizens well are recognised for it."
attr(survey[["p_sup_3"]], "label") <- "How much do you agree with the following about your organisation?: My organisation has a clear plan for working with citizens."
attr(survey[["p_sup_4"]], "label") <- "How much do you agree with the following about your organisation?: In my organisation, involving citizens is seen as a waste of effort."
attr(survey[["p_sup_5"]], "label") <- "How much do you agree with the following about your organisation?: When working with citizens goes wrong, my organisation backs me up."
attr(survey[["p_aut_1"]], "label") <- "How much do you agree with the following about your own work?: I can decide for myself how to work with the citizens I serve."
attr(survey[["p_aut_2"]], "label") <- "How much do you agree with the following about your own work?: I need permission for almost every change in how I deal with citizens."
attr(survey[["p_aut_3"]], "label") <- "How much do you agree with the following about your own work?: I can adapt procedures to the situation of a citizen."
attr(survey[["p_aut_4"]], "label") <- "How much do you agree with the following about your own work?: I have a say in which tasks citizens can take on."
attr(survey[["p_work_1"]], "label") <- "How much do you agree with the following?: I have enough time in my working week to involve citizens."
attr(survey[["p_work_2"]], "label") <- "How much do you agree with the following?: My team has enough staff to support citizens who take part."
attr(survey[["p_work_3"]], "label") <- "How much do you agree with the following?: There is a budget for activities with citizens."
attr(survey[["p_work_4"]], "label") <- "How much do you agree with the following?: My workload leaves no room for working with citizens."
attr(survey[["p_skill_1"]], "label") <- "How much do you agree with the following?: I have been trained to work together with citizens."
attr(survey[["p_skill_2"]], "label") <- "How much do you agree with the following?: I know methods that help citizens take part in the service."
attr(survey[["p_skill_3"]], "label") <- "How much do you agree with the following?: I lack the skills to guide citizens who want to contribute."
attr(survey[["p_law_1"]], "label") <- "How much do you agree with the following about laws and regulations?: The law makes clear what citizens may do in my service."
attr(survey[["p_law_2"]], "label") <- "How much do you agree with the following about laws and regulations?: Rules on liability or privacy stop us from involving citizens."
attr(survey[["p_law_3"]], "label") <- "How much do you agree with the following about laws and regulations?: The legal framework encourages services to involve citizens."
attr(survey[["p_age"]], "label") <- "How old are you?"
attr(survey[["p_gender"]], "label") <- "How do you describe yourself?"
attr(survey[["p_edu"]], "label") <- "What is the highest level of education you have completed?"
attr(survey[["c_ind_saf"]], "label") <- "Individual coproduction: public safety"
attr(survey[["c_ind_env"]], "label") <- "Individual coproduction: local environment"
attr(survey[["c_ind_hea"]], "label") <- "Individual coproduction: health"
attr(survey[["c_ind_edu"]], "label") <- "Individual coproduction: education"
attr(survey[["c_ind_soc"]], "label") <- "Individual coproduction: social care"
attr(survey[["c_col"]], "label") <- "Collective coproduction"
attr(survey[["c_eff_int"]], "label") <- "Internal efficacy"
attr(survey[["c_eff_ext"]], "label") <- "External (political) efficacy"
attr(survey[["c_sal"]], "label") <- "Salience"
attr(survey[["c_ease"]], "label") <- "Ease and knowledge"
attr(survey[["c_mot_int"]], "label") <- "Intrinsic motivation"
attr(survey[["c_mot_soc"]], "label") <- "Social motivation"
attr(survey[["c_mot_norm"]], "label") <- "Normative motivation"
attr(survey[["c_mot_mat"]], "label") <- "Material motivation"
attr(survey[["c_comm"]], "label") <- "Community orientation"
attr(survey[["mirror_will"]], "label") <- "Willingness to contribute (mirror)"
attr(survey[["mirror_comp"]], "label") <- "Citizens' competence (mirror)"
attr(survey[["mirror_value"]], "label") <- "Value of citizens' input (mirror)"
attr(survey[["p_eng"]], "label") <- "Engagement"
attr(survey[["p_ben"]], "label") <- "Perceived benefits"
attr(survey[["p_risk"]], "label") <- "Perceived pitfalls and risk"
attr(survey[["p_rt"]], "label") <- "Red tape"
attr(survey[["p_trust_cit"]], "label") <- "Trust in citizens"
attr(survey[["p_sup"]], "label") <- "Organisational support"
attr(survey[["p_aut"]], "label") <- "Autonomy"
attr(survey[["p_work"]], "label") <- "Workload and resources"
attr(survey[["p_skill"]], "label") <- "Skills and training"
attr(survey[["p_law"]], "label") <- "Legal framework"
