"""Words the catalog generator composes titles and outcomes from, by subject domain."""

from __future__ import annotations

from dataclasses import dataclass

# Word lists read best packed, a few to a line.
# fmt: off


@dataclass(frozen=True)
class Domain:
    """One field of study: what its courses are about and what their weeks cover."""

    code: str
    subjects: tuple[str, ...]  # what a course is about
    tools: tuple[str, ...]  # what a course is taught with
    topics: tuple[str, ...]  # what a module (one week) covers
    gerunds: tuple[str, ...]  # what learners do with a topic in a week
    roles: tuple[str, ...]  # the job a certificate prepares for


DOMAINS: tuple[Domain, ...] = (
    Domain(
        "SWE",
        (
            "Software Development", "Object-Oriented Programming", "Software Testing",
            "Software Architecture", "Data Structures and Algorithms", "Version Control",
            "Functional Programming", "Software Engineering", "Mobile App Development",
            "Game Development", "Programming Concepts", "Secure Coding", "Code Quality",
            "Concurrent Programming", "Application Design",
        ),
        (
            "Python", "Java", "C#", ".NET", "C++", "Go", "Rust", "Kotlin", "Swift", "Git",
            "TypeScript", "Unity",
        ),
        (
            "Variables and Data Types", "Control Flow", "Functions and Modules",
            "Classes and Objects", "Inheritance and Interfaces", "Error Handling", "Unit Tests",
            "Recursion", "Linked Lists", "Hash Tables", "Sorting Algorithms", "Graph Algorithms",
            "Design Patterns", "Dependency Injection", "Branches and Merges", "Code Reviews",
            "Memory Management", "Threads and Locks", "Asynchronous Code", "Collections",
            "Generics", "File Input and Output", "Command-Line Tools", "Debugging Sessions",
            "Build Pipelines", "Package Management", "Refactoring Techniques", "Test Doubles",
            "Big-O Analysis", "Binary Search Trees", "Dynamic Programming", "User Input Validation",
            "Lambda Expressions", "Mobile User Interfaces", "Game Loops", "Physics Engines",
            "Stacks and Queues", "Heaps and Priority Queues", "String Processing",
            "Regular Expressions", "Iterators and Generators", "Immutable Data",
            "Higher-Order Functions", "Type Systems", "Static Analysis", "Code Coverage",
            "Integration Tests", "Continuous Integration Checks", "API Design",
            "Software Requirements", "UML Diagrams", "Layered Architectures", "Microservices",
            "Event-Driven Design", "Logging and Tracing", "Performance Profiling",
            "Sprites and Animation", "Touch Gestures", "Push Notifications", "Local Databases",
        ),
        (
            "Building", "Testing", "Debugging", "Designing", "Implementing", "Refactoring",
            "Writing", "Exploring", "Optimizing", "Documenting",
        ),
        (
            "Software Developer", "Back-End Developer", "Mobile Developer", "Game Developer",
            "Software Tester", "Python Developer", "Java Developer",
        ),
    ),
    Domain(
        "WEB",
        (
            "Web Development", "Front-End Development", "Back-End Development",
            "Full-Stack Development", "Responsive Web Design", "Web Accessibility", "Web APIs",
            "Progressive Web Apps", "Web Performance", "Server-Side Rendering",
            "Single-Page Applications", "Content Management Systems", "E-Commerce Development",
            "Web Security", "Interactive Web Pages",
        ),
        (
            "HTML and CSS", "JavaScript", "React", "Angular", "Vue.js", "Node.js", "Express",
            "Django", "Flask", "Blazor", "ASP.NET Core", "PHP", "WordPress", "Next.js",
        ),
        (
            "HTML Forms", "CSS Layouts", "Flexbox and Grid", "DOM Manipulation", "Event Handling",
            "REST APIs", "HTTP Requests", "Routing", "State Management", "Components and Props",
            "Authentication Flows", "Session Cookies", "Web Sockets", "Client-Side Storage",
            "Server Middleware", "Template Engines", "Form Validation", "Media Queries",
            "Accessible Navigation", "Image Optimization", "Caching Strategies", "Web Hosting",
            "Database Queries", "ORM Models", "GraphQL Schemas", "Shopping Carts",
            "Payment Integration", "Search Engine Optimization", "Unit and End-to-End Tests",
            "Browser Developer Tools", "Animations and Transitions", "Build Tooling",
            "Semantic HTML", "CSS Selectors", "Custom Properties", "Typography on the Web",
            "JavaScript Modules", "Promises and Async Functions", "Fetch Requests", "JSON Data",
            "Hooks and Effects", "Server Components", "Static Site Generation", "Service Workers",
            "Content Security Policy", "CORS", "Rate Limiting", "Password Hashing", "File Uploads",
            "Pagination", "Internationalization", "Web Analytics", "Screen Reader Support",
            "Lazy Loading", "Environment Variables", "Containerized Apps",
        ),
        (
            "Building", "Styling", "Testing", "Deploying", "Designing", "Securing", "Optimizing",
            "Debugging", "Creating", "Structuring",
        ),
        (
            "Front-End Developer", "Back-End Developer", "Full-Stack Developer", "Web Developer",
            "Web Designer", "WordPress Developer",
        ),
    ),
    Domain(
        "DATA",
        (
            "Data Analysis", "Data Visualization", "Business Intelligence", "Data Engineering",
            "Statistics", "Data Wrangling", "Databases", "Data Warehousing",
            "Exploratory Data Analysis", "Data Storytelling", "Big Data", "Spreadsheet Modeling",
            "Survey Analysis", "Data Governance", "Time Series Analysis",
        ),
        (
            "Python", "R", "SQL", "Excel", "Tableau", "Power BI", "pandas", "Spark", "Looker",
            "Google Sheets", "PostgreSQL", "dbt", "Airflow", "BigQuery",
        ),
        (
            "Pivot Tables", "Data Cleaning", "Joins and Unions", "Aggregate Functions",
            "Descriptive Statistics", "Probability Distributions", "Hypothesis Tests",
            "Linear Regression", "Dashboards", "Charts and Graphs", "Missing Values",
            "Data Types and Formats", "ETL Pipelines", "Data Models", "Star Schemas",
            "Window Functions", "Subqueries", "Sampling Methods", "Confidence Intervals",
            "Outliers", "Data Ethics", "Key Performance Indicators", "Data Pipelines",
            "Batch Processing", "Stream Processing", "Data Quality Checks", "Relational Tables",
            "Normal Forms", "Indexes and Performance", "Geospatial Data", "Text Data",
            "Correlation Analysis", "A/B Tests", "Stakeholder Reports", "Logistic Regression",
            "Chi-Square Tests", "Analysis of Variance", "Histograms", "Box Plots", "Scatter Plots",
            "Heat Maps", "Calculated Fields", "Lookup Functions", "Conditional Formatting",
            "Data Validation Rules", "Date and Time Data", "String Functions",
            "Common Table Expressions", "Views and Stored Procedures", "Data Lakes", "Partitioning",
            "Slowly Changing Dimensions", "Metadata Catalogs", "Data Lineage", "Cohort Analysis",
            "Funnel Analysis", "Forecasting Models", "Survey Design",
        ),
        (
            "Analyzing", "Cleaning", "Visualizing", "Querying", "Transforming", "Modeling",
            "Summarizing", "Exploring", "Presenting", "Preparing",
        ),
        (
            "Data Analyst", "Business Intelligence Analyst", "Data Engineer", "Data Scientist",
            "Database Administrator", "Analytics Engineer", "Marketing Analyst",
        ),
    ),
    Domain(
        "AI",
        (
            "Machine Learning", "Deep Learning", "Natural Language Processing", "Computer Vision",
            "Generative AI", "Reinforcement Learning", "Applied Artificial Intelligence", "MLOps",
            "Neural Networks", "Prompt Engineering", "Recommender Systems", "Responsible AI",
            "Predictive Modeling", "Large Language Models", "AI Product Management",
        ),
        (
            "Python", "TensorFlow", "PyTorch", "scikit-learn", "Keras", "Hugging Face", "OpenCV",
            "Jupyter", "LangChain", "Azure Machine Learning", "Amazon SageMaker", "Vertex AI",
        ),
        (
            "Supervised Learning", "Unsupervised Learning", "Decision Trees", "Random Forests",
            "Gradient Descent", "Feature Engineering", "Model Evaluation", "Cross-Validation",
            "Overfitting and Regularization", "Convolutional Networks", "Recurrent Networks",
            "Transformers", "Word Embeddings", "Tokenization", "Image Classification",
            "Object Detection", "Clustering", "Dimensionality Reduction", "Hyperparameter Tuning",
            "Model Deployment", "Bias and Fairness", "Retrieval-Augmented Generation",
            "Fine-Tuning", "Prompt Design", "Reward Functions", "Training Loops", "Loss Functions",
            "Model Monitoring", "Explainability", "Transfer Learning", "Sentiment Analysis",
            "Chatbots", "Linear Models", "Support Vector Machines", "Naive Bayes",
            "k-Nearest Neighbors", "Gradient Boosting", "Ensemble Methods", "Activation Functions",
            "Backpropagation", "Optimizers", "Batch Normalization", "Dropout",
            "Attention Mechanisms", "Image Segmentation", "Data Augmentation",
            "Named Entity Recognition", "Text Classification", "Machine Translation",
            "Speech Recognition", "Embedding Search", "Vector Databases", "Evaluation Metrics",
            "Model Cards", "Experiment Tracking", "Feature Stores", "Anomaly Detection",
            "Time Series Forecasting", "Policy Gradients", "Diffusion Models",
        ),
        (
            "Training", "Evaluating", "Building", "Tuning", "Deploying", "Applying", "Exploring",
            "Interpreting", "Designing", "Monitoring",
        ),
        (
            "Machine Learning Engineer", "AI Engineer", "Data Scientist", "NLP Engineer",
            "AI Product Manager", "Computer Vision Engineer",
        ),
    ),
    Domain(
        "CLOUD",
        (
            "Cloud Computing", "Cloud Architecture", "DevOps", "Site Reliability Engineering",
            "Containers and Orchestration", "Infrastructure as Code", "Serverless Computing",
            "Cloud Networking", "Linux Administration", "Systems Administration",
            "Continuous Integration and Delivery", "Cloud Cost Management", "Cloud Migration",
            "Distributed Systems", "IT Support",
        ),
        (
            "AWS", "Microsoft Azure", "Google Cloud", "Docker", "Kubernetes", "Terraform",
            "Ansible", "Jenkins", "GitHub Actions", "Linux", "Bash", "PowerShell", "OpenShift",
        ),
        (
            "Virtual Machines", "Storage Buckets", "Virtual Networks", "Load Balancers",
            "Identity and Access Management", "Auto Scaling", "Container Images",
            "Pods and Services", "Helm Charts", "Deployment Pipelines", "Monitoring and Alerts",
            "Log Management", "Incident Response", "Service Level Objectives", "Shell Scripts",
            "File Permissions", "Package Managers", "Backups and Recovery", "DNS and Domains",
            "Serverless Functions", "Message Queues", "Managed Databases", "Cost Reports",
            "Configuration Management", "Blue-Green Deployments", "Secrets Management",
            "Troubleshooting Networks", "Help Desk Tickets", "Operating System Updates",
            "High Availability", "Object Storage", "Block Storage", "Subnets and Routing",
            "VPN Connections", "Content Delivery Networks", "Container Registries",
            "Service Meshes", "Ingress Controllers", "Stateful Workloads", "Cluster Upgrades",
            "Resource Quotas", "Tagging Policies", "Disaster Recovery", "Capacity Planning",
            "Chaos Experiments", "On-Call Rotations", "Postmortems", "Runbooks",
            "Process Management", "Cron Jobs", "System Logs", "User Accounts",
            "Hardware Troubleshooting", "Remote Desktop Support", "Printer Setup",
        ),
        (
            "Deploying", "Configuring", "Automating", "Monitoring", "Scaling", "Managing",
            "Securing", "Troubleshooting", "Provisioning", "Migrating",
        ),
        (
            "Cloud Engineer", "DevOps Engineer", "Site Reliability Engineer", "Cloud Architect",
            "IT Support Specialist", "Systems Administrator", "Platform Engineer",
        ),
    ),
    Domain(
        "SEC",
        (
            "Cybersecurity", "Network Security", "Ethical Hacking", "Security Operations",
            "Digital Forensics", "Cloud Security", "Application Security", "Threat Intelligence",
            "Identity Management", "Security Risk Management", "Cryptography", "Incident Handling",
            "Security Compliance", "Penetration Testing", "Malware Analysis",
        ),
        (
            "Linux", "Wireshark", "Splunk", "Kali Linux", "Python", "Nmap", "Metasploit",
            "Microsoft Sentinel", "Burp Suite", "SIEM Tools", "Snort",
        ),
        (
            "Threat Models", "Firewalls", "Intrusion Detection", "Vulnerability Scans",
            "Access Controls", "Encryption Algorithms", "Public Key Infrastructure",
            "Phishing Attacks", "Security Policies", "Packet Captures", "Log Analysis",
            "Incident Playbooks", "Password Security", "Social Engineering", "Security Audits",
            "Risk Assessments", "Web Vulnerabilities", "SQL Injection", "Cross-Site Scripting",
            "Network Protocols", "Endpoint Protection", "Forensic Evidence",
            "Compliance Frameworks", "Zero Trust", "Ransomware", "Security Controls",
            "Authentication Factors", "Patch Management", "Reverse Engineering",
            "Security Awareness", "Network Segmentation", "Virtual Private Networks",
            "Wireless Security", "Honeypots", "Threat Hunting", "Indicators of Compromise",
            "Attack Frameworks", "Privilege Escalation", "Password Cracking", "Exploit Development",
            "Secure Configuration", "Hashing Functions", "Digital Signatures",
            "Certificate Management", "Data Loss Prevention", "Email Security",
            "Cloud Misconfigurations", "Container Security", "Security Metrics",
            "Business Continuity", "Privacy Regulations", "Vendor Risk", "Memory Forensics",
            "Disk Imaging", "Security Orchestration", "Alert Triage",
        ),
        (
            "Detecting", "Analyzing", "Securing", "Investigating", "Hardening", "Assessing",
            "Monitoring", "Responding to", "Mitigating", "Auditing",
        ),
        (
            "Cybersecurity Analyst", "Security Engineer", "Penetration Tester", "SOC Analyst",
            "Security Architect", "Digital Forensics Examiner",
        ),
    ),
    Domain(
        "BUS",
        (
            "Project Management", "Agile Project Management", "Business Analysis",
            "Operations Management", "Supply Chain Management", "Leadership",
            "Strategic Management", "Human Resources Management", "Entrepreneurship",
            "Business Communication", "Negotiation", "Change Management", "Product Management",
            "Customer Success", "Team Management",
        ),
        (
            "Scrum", "Kanban", "Jira", "Microsoft Project", "Asana", "Excel", "Lean", "Six Sigma",
            "Salesforce", "PRINCE2", "SAP",
        ),
        (
            "Project Charters", "Stakeholder Analysis", "Work Breakdown Structures",
            "Risk Registers", "Budgets and Forecasts", "Gantt Charts", "Sprint Planning",
            "User Stories", "Retrospectives", "Process Maps", "Requirements Gathering",
            "Business Cases", "Inventory Control", "Logistics Networks", "Vendor Contracts",
            "Team Dynamics", "Performance Reviews", "Hiring Interviews", "Conflict Resolution",
            "Meeting Facilitation", "Business Plans", "Pitch Decks", "Market Sizing",
            "Product Roadmaps", "Customer Onboarding", "Change Communication",
            "Quality Improvement", "Value Streams", "Status Reports", "Decision Making",
            "Scope Statements", "Critical Paths", "Earned Value", "Resource Plans",
            "Procurement Plans", "Lessons Learned", "Kanban Boards", "Velocity Charts",
            "Backlog Refinement", "Acceptance Criteria", "SWOT Analysis", "Balanced Scorecards",
            "Org Charts", "Job Descriptions", "Onboarding Plans", "Employee Engagement",
            "Compensation Plans", "Demand Planning", "Warehouse Operations", "Sourcing Strategies",
            "Customer Feedback", "Service Level Agreements", "Executive Summaries",
            "One-on-One Meetings", "Delegation",
        ),
        (
            "Managing", "Planning", "Leading", "Analyzing", "Writing", "Running", "Improving",
            "Facilitating", "Prioritizing", "Communicating",
        ),
        (
            "Project Manager", "Business Analyst", "Operations Manager", "Scrum Master",
            "Product Manager", "Supply Chain Analyst", "HR Specialist",
        ),
    ),
    Domain(
        "MKT",
        (
            "Digital Marketing", "Social Media Marketing", "Content Marketing",
            "Marketing Analytics", "Brand Management", "Search Engine Marketing", "Email Marketing",
            "E-Commerce Marketing", "Consumer Behavior", "Marketing Strategy", "Public Relations",
            "Copywriting", "Influencer Marketing", "Growth Marketing",
            "Customer Relationship Management",
        ),
        (
            "Google Analytics", "Google Ads", "Meta Ads", "HubSpot", "Mailchimp", "Canva",
            "Hootsuite", "Shopify", "Semrush", "Salesforce Marketing Cloud",
        ),
        (
            "Buyer Personas", "Marketing Funnels", "Keyword Research", "Ad Campaigns",
            "Landing Pages", "Conversion Rates", "Email Sequences", "Content Calendars",
            "Brand Voice", "Audience Segmentation", "Social Media Posts", "Campaign Budgets",
            "Attribution Models", "Customer Journeys", "Press Releases", "Product Launches",
            "Loyalty Programs", "Competitor Analysis", "Marketing Metrics", "Video Content",
            "Community Management", "Online Reviews", "Referral Programs", "Newsletter Design",
            "Search Rankings", "Retargeting Ads", "Influencer Partnerships", "Pricing Strategies",
            "Value Propositions", "Positioning Statements", "Market Research", "Focus Groups",
            "Customer Surveys", "Brand Guidelines", "Blog Posts", "Podcasts", "Webinars",
            "Lead Magnets", "Lead Scoring", "Marketing Automation", "Subject Lines", "Open Rates",
            "Click-Through Rates", "Cost per Acquisition", "Customer Lifetime Value", "Churn",
            "Product Listings", "Shopping Ads", "Affiliate Programs", "Crisis Communication",
            "Media Kits", "Event Marketing",
        ),
        (
            "Planning", "Running", "Measuring", "Optimizing", "Writing", "Designing", "Analyzing",
            "Launching", "Targeting", "Creating",
        ),
        (
            "Digital Marketing Specialist", "Social Media Manager", "Content Strategist",
            "Marketing Manager", "SEO Specialist", "E-Commerce Specialist",
        ),
    ),
    Domain(
        "DES",
        (
            "User Experience Design", "User Interface Design", "Graphic Design",
            "Interaction Design", "Design Thinking", "Visual Communication", "Motion Graphics",
            "Product Design", "Information Architecture", "Usability Testing", "Typography",
            "Brand Identity Design", "Service Design", "Design Systems", "Accessible Design",
        ),
        (
            "Figma", "Adobe XD", "Adobe Illustrator", "Adobe Photoshop", "Sketch", "After Effects",
            "InDesign", "Miro", "Framer", "Blender",
        ),
        (
            "Wireframes", "Prototypes", "User Interviews", "Personas and Scenarios", "Journey Maps",
            "Color Theory", "Grid Systems", "Icons and Illustrations", "Visual Hierarchy",
            "Usability Studies", "Card Sorting", "Design Critiques", "Style Guides",
            "Micro-Interactions", "Responsive Layouts", "Logo Design", "Mood Boards",
            "Design Handoff", "Accessibility Audits", "Heuristic Evaluation", "Portfolio Pieces",
            "Storyboards", "Affinity Diagrams", "Design Tokens", "Navigation Patterns",
            "Onboarding Screens", "Empathy Maps", "Print Layouts", "Sketching Techniques",
            "User Flows", "Site Maps", "Information Hierarchy", "Form Design", "Error States",
            "Empty States", "Dark Mode", "Component Libraries", "Auto Layout",
            "Interactive Prototypes", "Design Sprints", "Competitive Audits", "Survey Research",
            "Diary Studies", "Contrast and Legibility", "Font Pairing", "Photo Editing",
            "Vector Illustration", "Packaging Design", "Poster Design", "Keyframe Animation",
            "Storytelling with Motion", "3D Modeling", "Design Presentations", "Usability Metrics",
        ),
        (
            "Designing", "Sketching", "Prototyping", "Testing", "Critiquing", "Presenting",
            "Researching", "Iterating on", "Creating", "Refining",
        ),
        (
            "UX Designer", "UI Designer", "Graphic Designer", "Product Designer", "UX Researcher",
            "Motion Designer",
        ),
    ),
    Domain(
        "FIN",
        (
            "Financial Accounting", "Managerial Accounting", "Corporate Finance",
            "Financial Analysis", "Investment Management", "Personal Finance", "Financial Modeling",
            "Auditing", "Taxation", "Bookkeeping", "Risk Management", "FinTech",
            "Budgeting and Forecasting", "Payroll Administration", "Financial Markets",
        ),
        (
            "Excel", "QuickBooks", "Xero", "Python", "Bloomberg Terminal", "SAP", "Power BI",
            "Google Sheets", "Oracle NetSuite",
        ),
        (
            "Balance Sheets", "Income Statements", "Cash Flow Statements", "Journal Entries",
            "Trial Balances", "Cost Accounting", "Break-Even Analysis", "Ratio Analysis",
            "Discounted Cash Flows", "Capital Budgeting", "Portfolio Diversification",
            "Bond Pricing", "Stock Valuation", "Tax Returns", "Internal Controls", "Audit Sampling",
            "Payroll Taxes", "Accounts Receivable", "Accounts Payable", "Bank Reconciliations",
            "Variance Analysis", "Financial Forecasts", "Credit Risk", "Derivatives",
            "Retirement Planning", "Working Capital", "Depreciation Methods", "Revenue Recognition",
            "Scenario Analysis", "Payment Systems", "Chart of Accounts", "Accrual Accounting",
            "Adjusting Entries", "Inventory Valuation", "Fixed Assets", "Lease Accounting",
            "Consolidated Statements", "Cost of Capital", "Net Present Value",
            "Internal Rate of Return", "Sensitivity Analysis", "Three-Statement Models",
            "Comparable Companies", "Mergers and Acquisitions", "Interest Rates",
            "Foreign Exchange", "Options Pricing", "Asset Allocation", "Household Budgets",
            "Credit Scores", "Sales Tax", "Expense Reports", "Fraud Detection", "Financial Ratios",
            "Cryptocurrency",
        ),
        (
            "Preparing", "Analyzing", "Recording", "Reconciling", "Forecasting", "Valuing",
            "Auditing", "Reporting", "Calculating", "Interpreting",
        ),
        (
            "Bookkeeper", "Financial Analyst", "Accountant", "Payroll Specialist",
            "Investment Analyst", "Tax Preparer",
        ),
    ),
    Domain(
        "HLT",
        (
            "Health Informatics", "Healthcare Administration", "Public Health", "Medical Coding",
            "Clinical Data Management", "Healthcare Quality", "Epidemiology", "Patient Safety",
            "Health Information Management", "Telehealth", "Global Health", "Health Policy",
            "Medical Terminology", "Clinical Research", "Healthcare Analytics",
        ),
        (
            "Epic", "Cerner", "HL7 FHIR", "ICD-10", "CPT Codes", "REDCap", "SAS", "Excel", "R",
            "Tableau",
        ),
        (
            "Electronic Health Records", "Patient Privacy", "Clinical Workflows", "Billing Cycles",
            "Claims Processing", "Diagnosis Codes", "Procedure Codes", "Disease Surveillance",
            "Outbreak Investigation", "Study Designs", "Incidence and Prevalence", "Health Equity",
            "Care Coordination", "Quality Measures", "Adverse Events", "Infection Control",
            "Informed Consent", "Clinical Trials", "Data Standards", "Interoperability",
            "Population Health", "Health Surveys", "Vaccination Programs", "Telehealth Visits",
            "Revenue Cycle", "Staff Scheduling", "Medical Records Audits", "Risk Adjustment",
            "Patient Engagement", "Health Literacy", "Nutrition Programs", "Mental Health Services",
            "Emergency Preparedness", "Accreditation Standards", "Readmission Rates",
            "Pharmacy Systems", "Lab Results", "Care Plans", "Discharge Planning", "Health Budgets",
            "Community Assessments", "Environmental Health", "Chronic Disease Management",
            "Hospital Operations", "Clinical Decision Support",
        ),
        (
            "Coding", "Analyzing", "Managing", "Improving", "Documenting", "Reporting", "Auditing",
            "Planning", "Evaluating", "Monitoring",
        ),
        (
            "Medical Coder", "Health Informatics Specialist", "Healthcare Administrator",
            "Public Health Analyst", "Clinical Data Manager", "Health Information Technician",
        ),
    ),
    Domain(
        "EDU",
        (
            "Instructional Design", "Online Teaching", "Curriculum Development",
            "Learning Sciences", "Educational Technology", "Assessment Design",
            "Classroom Management", "E-Learning Development", "Inclusive Education",
            "Adult Learning", "Learning Analytics", "Corporate Training",
            "Teaching English as a Foreign Language", "Educational Leadership", "Blended Learning",
        ),
        (
            "Moodle", "Canvas", "Articulate Storyline", "Adobe Captivate", "Google Classroom",
            "Blackboard", "H5P", "Camtasia", "Kahoot!", "Microsoft Teams",
        ),
        (
            "Learning Objectives", "Bloom's Taxonomy", "Course Maps", "Lesson Plans", "Rubrics",
            "Formative Assessment", "Summative Assessment", "Feedback Strategies",
            "Learner Personas", "Needs Analysis", "Storyboarding", "Microlearning", "Gamification",
            "Discussion Forums", "Video Lectures", "Universal Design for Learning",
            "Accessibility Checks", "Cognitive Load", "Motivation", "Active Learning",
            "Peer Learning", "Group Projects", "Learning Management Systems", "SCORM Packages",
            "Quiz Banks", "Grading Policies", "Academic Integrity", "Learner Engagement",
            "Completion Rates", "Course Evaluations", "Scaffolding", "Differentiated Instruction",
            "Classroom Routines", "Behavior Plans", "Parent Communication", "Reading Strategies",
            "Vocabulary Instruction", "Pronunciation Practice", "Grammar Lessons",
            "Virtual Classrooms", "Office Hours", "Teaching Portfolios", "Professional Development",
            "Competency Frameworks", "Workplace Training Needs",
        ),
        (
            "Designing", "Writing", "Planning", "Teaching", "Assessing", "Facilitating", "Building",
            "Evaluating", "Adapting", "Delivering",
        ),
        (
            "Instructional Designer", "Online Teacher", "Learning Experience Designer",
            "Corporate Trainer", "ESL Teacher", "E-Learning Developer",
        ),
    ),
)

# Course title forms. Each family has equivalent spellings: a near-duplicate may reorder
# a title by switching to another spelling of its family. {s} subject, {t} tool.
COURSE_FORMS: dict[str, tuple[str, ...]] = {
    "intro": ("Introduction to {s}", "{s}: An Introduction"),
    "fundamentals": ("{s} Fundamentals", "Fundamentals of {s}"),
    "foundations": ("Foundations of {s}", "{s} Foundations"),
    "principles": ("Principles of {s}", "{s} Principles"),
    "with": ("{s} with {t}", "{t} for {s}"),
    "hands_on": ("Hands-On {s} with {t}", "{s} with {t}: Hands-On"),
    "advanced": ("Advanced {s}", "{s}: Advanced Topics"),
    "advanced_with": ("Advanced {s} with {t}", "{t} for Advanced {s}"),
    "applied": ("Applied {s}", "{s} in Practice"),
    "essentials": ("{t} Essentials", "Essentials of {t}"),
    "mastering": ("Mastering {t} for {s}", "{s}: Mastering {t}"),
    "getting_started": ("Getting Started with {t}", "{t}: Getting Started"),
    "capstone": ("{s} Capstone Project", "Capstone Project: {s}"),
}
# How often each family is drawn: families with a tool have the most titles to give.
FAMILY_WEIGHTS = {
    "intro": 2, "fundamentals": 2, "foundations": 1, "principles": 1, "with": 4, "hands_on": 3,
    "advanced": 1, "advanced_with": 2, "applied": 1, "essentials": 1, "mastering": 2,
    "getting_started": 1, "capstone": 1,
}
# Where a course comes in a program: introductions first, capstones last.
COURSE_ORDER = {
    "intro": 0,
    "getting_started": 0,
    "foundations": 0,
    "fundamentals": 1,
    "principles": 1,
    "essentials": 1,
    "with": 2,
    "hands_on": 2,
    "applied": 3,
    "mastering": 3,
    "advanced": 4,
    "advanced_with": 4,
    "capstone": 9,
}
# A few courses are for one track or audience; a near-duplicate may swap it for another.
TRACKS = (
    "Full-Stack", "Back-End", "Front-End", "for Beginners", "for Professionals", "for Managers",
    "for Developers", "for Data Analysts", "in Healthcare", "in Finance", "for Small Businesses",
    "in the Public Sector",
)

# Module title forms: {g} gerund, {o} topic, {p} second topic, {t} tool.
MODULE_FORMS: dict[str, tuple[str, ...]] = {
    "doing": ("{g} {o}",),
    "doing_with": ("{g} {o} with {t}", "{t}: {g} {o}"),
    "in_tool": ("{o} in {t}", "{t} {o}"),
    "pair": ("{o} and {p}", "{p} and {o}"),
    "intro": ("Introduction to {o}", "{o}: An Introduction"),
    "working": ("Working with {o}",),
    "practices": ("{o} Best Practices", "Best Practices for {o}"),
    "case": ("Case Study: {o}", "{o}: A Case Study"),
    "beyond": ("Beyond the Basics: {o}", "{o}: Beyond the Basics"),
}
MODULE_FAMILY_WEIGHTS = {
    "doing": 4, "doing_with": 3, "in_tool": 2, "pair": 2, "intro": 1, "working": 1,
    "practices": 1, "case": 1, "beyond": 1,
}
# Titles that many unrelated courses give a week: same title, different content.
GENERIC_MODULES = (
    "Final Project", "Course Project", "Final Assessment", "Course Wrap-Up", "Getting Started",
    "Course Overview", "Graded Assessment", "Capstone Project", "Review and Next Steps",
)
# Weeks that whole families of courses share as one module (orientation, policies).
COMMON_MODULES = (
    "Welcome to the Program", "Academic Integrity and Honor Code", "Career Resources and Support",
    "How to Succeed in Online Learning", "Using the Learning Platform", "Meet Your Peers",
)

# Item kinds: (weight, shortest, longest minutes, title forms). {o} the week's topic,
# {a} an aspect of it, {g} what learners do with it, {w} the week's number.
# Forms without a topic ("Module 2 graded quiz") recur across courses: structure, as in
# real catalogs, not duplication.
ITEM_KINDS: dict[str, tuple[int, int, int, tuple[str, ...]]] = {
    "video": (
        30, 4, 20,
        (
            "{o}: {a}", "Demo: {g} {o}", "{a} of {o}", "Overview of {o}", "{o} in action: {a}",
            "Walkthrough: {o}, {a}", "{o} explained", "Welcome to week {w}", "Inside {o}: {a}",
        ),
    ),
    "reading": (
        20, 10, 45,
        (
            "Reading: {o}, {a}", "{o} reference guide", "{a}: {o}", "Further reading on {o}",
            "Cheat sheet: {o}", "Week {w} resources",
        ),
    ),
    "practice_quiz": (
        10, 10, 30,
        ("Practice quiz: {o}", "Check your understanding: {a}", "Practice quiz {w}"),
    ),
    "graded_quiz": (10, 30, 90, ("Graded quiz: {o}", "Module {w} graded quiz", "Assessment: {a}")),
    "in_video_quiz": (4, 2, 5, ("Quick check: {a}", "Quick check")),
    "lab": (8, 30, 120, ("Lab: {g} {o}", "Hands-on lab: {a}", "Guided lab: {o}, {a}")),
    "programming_assignment": (
        4, 60, 180,
        ("Programming assignment: {o}", "Coding exercise: {g} {o}"),
    ),
    "peer_review": (2, 30, 90, ("Peer review: {o} project", "Peer-graded assignment: {a}")),
    "self_review": (2, 15, 30, ("Self-review: {o}", "Reflect on {a}")),
    "plugin": (3, 10, 30, ("Interactive: {o}", "Flashcards: {o}", "Simulation: {a}")),
    "discussion_prompt": (
        6, 10, 30,
        (
            "Discussion: how would you use {o}?", "Share your experience with {a}",
            "Introduce yourself",
        ),
    ),
    "project": (1, 120, 360, ("Project: {g} {o}", "Mini-project: {a}")),
}
# What a lesson about a topic looks at; combined with the topic for the item titles.
ASPECTS = (
    "Key Concepts", "Common Patterns", "Step by Step", "Troubleshooting", "Real-World Examples",
    "Under the Hood", "Getting Set Up", "Choosing an Approach", "Edge Cases", "Performance Tips",
    "Vocabulary", "Reading the Results", "Putting It Together", "A First Example", "Going Further",
    "Mistakes to Avoid", "A Checklist", "Comparing Options", "Measuring Success",
    "History and Context", "Best Practices", "Security Considerations", "Scaling Up",
    "Working in Teams", "Documentation", "Case Walkthrough", "Planning Ahead", "Quality Checks",
    "Ethical Questions", "Automation", "Cost and Effort", "Accessibility", "Testing Your Work",
    "Reviewing Examples", "Data In and Out", "Frequently Asked Questions", "Industry Practice",
    "A Guided Tour", "Limits and Trade-Offs", "Hands-On Practice",
)
# Where an outcome applies what was learnt.
CONTEXTS = (
    "a small business", "a hospital", "a retail chain", "a start-up", "a public agency",
    "a nonprofit", "a university", "a bank", "a manufacturer", "a newsroom", "a logistics firm",
    "a software company", "an online shop", "a city council", "a school", "an airline",
    "an insurance company", "a research lab", "a consultancy", "a hotel group",
)
GRADED_KINDS = frozenset({"graded_quiz", "programming_assignment", "peer_review", "project"})

# Outcome verbs by Bloom level, and phrasings that read well after them.
# {s} subject, {t} tool, {o} the week's topic.
BLOOM_VERBS: dict[str, tuple[str, ...]] = {
    "remember": ("Identify", "List", "Define", "Recognize", "Name"),
    "understand": ("Explain", "Describe", "Summarize", "Illustrate"),
    "apply": ("Apply", "Implement", "Demonstrate", "Use"),
    "analyze": ("Analyze", "Compare", "Examine", "Differentiate"),
    "evaluate": ("Evaluate", "Assess", "Critique", "Judge"),
    "create": ("Design", "Develop", "Build", "Construct"),
}
COURSE_LEVELS = ("understand", "apply", "apply", "analyze", "evaluate", "create", "create")
MODULE_LEVELS = (
    "remember", "understand", "understand", "apply", "apply", "analyze", "evaluate", "create",
)
COURSE_OUTCOME_FORMS: dict[str, tuple[str, ...]] = {
    "understand": ("{v} the core principles of {s}", "{v} how {s} is practised with {t}"),
    "apply": ("{v} {s} techniques using {t}", "{v} {s} methods to cases from {c}"),
    "analyze": ("{v} {s} problems and their constraints", "{v} {s} approaches for a scenario"),
    "evaluate": (
        "{v} {s} solutions against given requirements", "{v} the trade-offs between {s} techniques",
    ),
    "create": ("{v} a complete {s} project using {t}", "{v} a {s} plan for {c}"),
}
MODULE_OUTCOME_FORMS: dict[str, tuple[str, ...]] = {
    "remember": ("{v} the key terms of {o}", "{v} the main kinds of {o}"),
    "understand": ("{v} how {o} work in {t}", "{v} the role of {o} in {s}"),
    "apply": ("{v} {o} to a problem at {c}", "{v} {o} in {t}"),
    "analyze": ("{v} the strengths and weaknesses of {o} for {c}", "{v} common pitfalls of {o}"),
    "evaluate": ("{v} the quality of {o} at {c}", "{v} whether {o} suit {c}"),
    "create": ("{v} {o} for {c}", "{v} a plan for {o} in {t}"),
}
KNOWLEDGE = ("factual", "conceptual", "procedural", "metacognitive")

ISSUERS = (
    "Meridian University", "Northgate Institute", "Atlas Tech", "Bluewater College",
    "Cobalt Academy", "Summit State University", "Harbor Polytechnic", "Lakeside University",
    "Vertex Learning", "Ironwood Institute", "Pioneer Tech", "Riverside College",
    "Granite University", "Aurora Academy", "Beacon Institute", "Silverline Technologies",
    "Evergreen University", "Keystone College", "Orbit Labs", "Crescent University",
)
COUNTRIES = ("US", "GB", "DE", "NL", "IE", "CA", "AU", "FR", "ES", "IN")
CERTIFICATE_WORDS = (
    "Professional Certificate", "Certificate", "Career Certificate", "Specialization",
    "MicroMasters Program", "Micro-Credential",
)
# fmt: on
